using Eipnet.Domain.Errors;
using Eipnet.Domain.Resources;
using Eipnet.Domain.Tagging;
using Eipnet.Store.Queries;

namespace Eipnet.Api.Rpc;

/// <summary>Tag.N.Key / Tag.N.Value parameters (rules: <see cref="TagRules"/>).</summary>
public static class Tags
{
    public const int Max = TagRules.Max;

    /// <summary>The tags given, checked; more than <see cref="Max"/> answers SizeLimitExceeded.TagNum.</summary>
    public static IReadOnlyList<ResourceTag> Read(RpcContext ctx)
    {
        var items = ctx.Parameters.Keys.Any(k => k.StartsWith("Tag.", StringComparison.Ordinal)) ? ctx.ObjectList("Tag", int.MaxValue) : [];
        if (items.Count > Max)
            throw new EipException(TagErrors.TooManyInRequest());
        var tags = items.Select(i => new ResourceTag(i.GetValueOrDefault("Key") ?? "", i.GetValueOrDefault("Value") ?? "")).ToList();
        return TagRules.Check(tags) is { } error ? throw new EipException(error) : tags;
    }

    /// <summary>True when the resource carries every filter tag (a filter with an empty value matches any value of the key).</summary>
    public static bool Match(IReadOnlyList<ResourceTag> resource, IReadOnlyList<ResourceTag> filter) => TagRules.Match(resource, filter);

    /// <summary>Adds the tag filters to a query on a tagged table; an empty filter value matches any value of its key.</summary>
    public static DocQuery Filter(DocQuery query, IReadOnlyList<ResourceTag> filter)
    {
        foreach (var tag in filter)
            query.AndTag(tag.Key, tag.Value.Length == 0 ? null : tag.Value);
        return query;
    }
}
