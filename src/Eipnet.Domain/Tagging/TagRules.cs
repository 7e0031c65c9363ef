using Eipnet.Domain.Errors;
using Eipnet.Domain.Resources;

namespace Eipnet.Domain.Tagging;

/// <summary>The rules of tags on any resource: what a tag may be, how many a resource holds, how tags are changed and matched.</summary>
/// <remarks>Order is kept: a resource lists its tags in the order they were first set; setting an existing key replaces its
/// value in place.</remarks>
public static class TagRules
{
    /// <summary>Tags per resource, and Tag.N items per request (Alibaba's limit for both).</summary>
    public const int Max = 20;

    /// <summary>Checks tags given in one request: keys 1-128 characters, not starting with aliyun or acs:, no URL in a
    /// key or value, values at most 128 characters, no key twice.</summary>
    public static EipError? Check(IReadOnlyList<ResourceTag> tags)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            if (!KeyIsValid(tag.Key))
                return TagErrors.InvalidKey();
            if (tag.Value.Length > 128 || ContainsUrl(tag.Value))
                return TagErrors.InvalidValue();
            if (!seen.Add(tag.Key))
                return TagErrors.DuplicatedKey(tag.Key);
        }
        return null;
    }

    /// <summary>True when a key may be set or named: 1-128 characters, not starting with aliyun or acs:, no URL.</summary>
    public static bool KeyIsValid(string key) =>
        key.Length is > 0 and <= 128 && !key.StartsWith("aliyun", StringComparison.OrdinalIgnoreCase)
        && !key.StartsWith("acs:", StringComparison.OrdinalIgnoreCase) && !ContainsUrl(key);

    /// <summary>The resource's tags after <paramref name="added"/> is set on them, or the error when the resource would
    /// carry more than <see cref="Max"/> tags.</summary>
    public static (IReadOnlyList<ResourceTag> Tags, EipError? Error) Add(string resourceId, IReadOnlyList<ResourceTag> existing, IReadOnlyList<ResourceTag> added)
    {
        var result = existing.ToList();
        foreach (var tag in added)
        {
            var at = result.FindIndex(t => t.Key == tag.Key);
            if (at >= 0)
                result[at] = tag;
            else
                result.Add(tag);
        }
        return result.Count > Max ? (existing, TagErrors.TooManyOnResource(resourceId)) : (result, null);
    }

    /// <summary>The resource's tags without the given keys (keys it does not carry are ignored).</summary>
    public static IReadOnlyList<ResourceTag> Remove(IReadOnlyList<ResourceTag> existing, IReadOnlyCollection<string> keys) =>
        existing.Where(t => !keys.Contains(t.Key)).ToList();

    /// <summary>True when the resource carries every filter tag; a filter with an empty value matches any value of its key.</summary>
    public static bool Match(IReadOnlyList<ResourceTag> resource, IReadOnlyList<ResourceTag> filter) =>
        filter.All(f => resource.Any(t => t.Key == f.Key && (f.Value.Length == 0 || t.Value == f.Value)));

    private static bool ContainsUrl(string text) =>
        text.Contains("http://", StringComparison.OrdinalIgnoreCase) || text.Contains("https://", StringComparison.OrdinalIgnoreCase);
}
