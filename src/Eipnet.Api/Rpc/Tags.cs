using Eipnet.Domain.Errors;
using Eipnet.Domain.Resources;

namespace Eipnet.Api.Rpc;

/// <summary>Tag.N.Key / Tag.N.Value parameters: up to 20 tags, keys 1-128 characters not starting with aliyun or acs:.</summary>
public static class Tags
{
    public const int Max = 20;

    public static IReadOnlyList<ResourceTag> Read(RpcContext ctx)
    {
        var items = ctx.ObjectList("Tag", Max);
        var tags = new List<ResourceTag>();
        foreach (var item in items)
        {
            var key = item.GetValueOrDefault("Key") ?? "";
            var value = item.GetValueOrDefault("Value") ?? "";
            if (key.Length is 0 or > 128 || key.StartsWith("aliyun", StringComparison.OrdinalIgnoreCase) || key.StartsWith("acs:", StringComparison.OrdinalIgnoreCase)
                || key.Contains("http://", StringComparison.OrdinalIgnoreCase) || key.Contains("https://", StringComparison.OrdinalIgnoreCase))
                throw new EipException(new EipError("InvalidTagKey.Malformed", "A tag key is 1-128 characters, must not start with aliyun or acs:, and must not contain http:// or https://.", 400));
            if (value.Length > 128 || value.Contains("http://", StringComparison.OrdinalIgnoreCase) || value.Contains("https://", StringComparison.OrdinalIgnoreCase))
                throw new EipException(new EipError("InvalidTagValue.Malformed", "A tag value is 0-128 characters and must not contain http:// or https://.", 400));
            if (tags.Any(t => t.Key == key))
                throw new EipException(new EipError("Duplicate.TagKey", $"The tag key \"{key}\" is given twice.", 400));
            tags.Add(new ResourceTag(key, value));
        }
        return tags;
    }

    /// <summary>True when the resource carries every filter tag (a filter with an empty value matches any value of the key).</summary>
    public static bool Match(IReadOnlyList<ResourceTag> resource, IReadOnlyList<ResourceTag> filter) =>
        filter.All(f => resource.Any(t => t.Key == f.Key && (f.Value.Length == 0 || t.Value == f.Value)));
}
