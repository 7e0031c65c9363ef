using Eipnet.Api.Rpc;
using Eipnet.Contracts.Common;
using Eipnet.Contracts.Tagging;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Tagging;
using Eipnet.Store;

namespace Eipnet.Api.Tagging;

/// <summary>TagResources, UnTagResources and ListTagResources over a product's tagged types.</summary>
/// <remarks>A change names up to 50 resources and applies to all of them or, when one is missing or would break a rule,
/// to none.</remarks>
public sealed class ResourceTagging(IReadOnlyList<TaggedType> types)
{
    public const int MaxResourceIds = 50;

    public async Task<RequestIdResponse> TagAsync(RpcContext ctx)
    {
        var (type, regionId, ids) = Target(ctx);
        var tags = Tags.Read(ctx);
        if (tags.Count == 0)
            throw new EipException(EipError.MissingParameter("Tag.1.Key"));
        return await ChangeAsync(ctx, type, regionId, ids, (id, existing) => TagRules.Add(id, existing, tags));
    }

    public async Task<RequestIdResponse> UntagAsync(RpcContext ctx)
    {
        var (type, regionId, ids) = Target(ctx);
        var keys = ctx.RepeatList("TagKey", int.MaxValue);
        if (keys.Count > TagRules.Max)
            throw new EipException(TagErrors.TooManyInRequest());
        if (keys.FirstOrDefault(k => !TagRules.KeyIsValid(k)) is not null)
            throw new EipException(TagErrors.InvalidKey());
        var all = ctx.OptionalBool("All") ?? false;
        if (keys.Count == 0 && !all)
            throw new EipException(EipError.MissingParameter("TagKey.1"));
        return await ChangeAsync(ctx, type, regionId, ids, (_, existing) => (all ? [] : TagRules.Remove(existing, keys.ToHashSet()), null));
    }

    public async Task<ListTagResourcesResponse> ListAsync(RpcContext ctx)
    {
        var regionId = ctx.Region().RegionId;
        var type = TaggedTypes.Find(types, ctx.Required("ResourceType", 64));
        var ids = ResourceIds(ctx);
        var tags = Tags.Read(ctx);
        // ECS's TagFilter.N (keys with several values) is refused rather than ignored, which would list every resource.
        if (ctx.Parameters.Any(p => p.Key.StartsWith("TagFilter.", StringComparison.Ordinal) && p.Value.Length > 0))
            throw new EipException(TagErrors.TagFilterNotSupported());
        if (ids.Count == 0 && tags.Count == 0)
            throw new EipException(EipError.MissingParameter("ResourceId.1"));
        var maxResults = ctx.OptionalInt("MaxResults", 1, 50) ?? 50;
        var offset = TokenPaging.Offset(ctx);
        var resources = await ctx.Store.ReadAsync(s => type.ListAsync(s, ctx, regionId, ids, tags), ctx.Cancellation);
        // One row per tag of each matching resource: a resource found by one tag shows all of its tags.
        var rows = resources.SelectMany(r => r.Tags.Select(t => new TagResourceItem(r.Id, type.Name, t.Key, t.Value))).ToList();
        var (page, next) = TokenPaging.Page(rows, offset, maxResults);
        return new ListTagResourcesResponse(ctx.RequestId, next, new TagResourceList(page));
    }

    /// <summary>ECS DescribeTags: the distinct tags of the caller's resources in the region (of one type, or one resource),
    /// narrowed by Tag.N, with how many resources of each type carry each.</summary>
    public async Task<DescribeTagsResponse> DescribeTagsAsync(RpcContext ctx)
    {
        var regionId = ctx.Region().RegionId;
        var typeName = ctx.Optional("ResourceType", 64);
        var resourceId = ctx.Optional("ResourceId", 64);
        var filter = Tags.Read(ctx);
        // Eipnet keeps user tags only: the system category has none.
        var category = ctx.OneOf("Category", "Custom", "custom", "System", "system");
        var (page, size) = ctx.Page(100);
        if (resourceId is not null && typeName is null)
            throw new EipException(EipError.MissingParameter("ResourceType"));
        IReadOnlyList<TaggedType> searched = types;
        if (typeName is not null)
        {
            var untagged = TaggedTypes.EcsUntagged.Contains(typeName.ToLowerInvariant());
            searched = untagged ? [] : [TaggedTypes.Find(types, typeName)];
        }
        var counts = new Dictionary<(string Key, string Value), Dictionary<string, int>>();
        if (category is not ("System" or "system"))
        {
            await ctx.Store.ReadAsync(async s =>
            {
                foreach (var type in searched)
                {
                    foreach (var (_, tags) in await type.ListAsync(s, ctx, regionId, resourceId is null ? [] : [resourceId], filter))
                    {
                        // A filter narrows the tags shown too: Tag.1.Key=env lists the env tags only.
                        foreach (var tag in tags.Where(t => filter.Count == 0 || filter.Any(f => f.Key == t.Key && (f.Value.Length == 0 || f.Value == t.Value))))
                        {
                            var byType = counts.TryGetValue((tag.Key, tag.Value), out var c) ? c : counts[(tag.Key, tag.Value)] = [];
                            byType[type.Name] = byType.GetValueOrDefault(type.Name) + 1;
                        }
                    }
                }
                return 0;
            }, ctx.Cancellation);
        }
        var items = counts.OrderBy(c => c.Key.Key, StringComparer.Ordinal).ThenBy(c => c.Key.Value, StringComparer.Ordinal)
            .Select(c => new DescribeTagItem(c.Key.Key, c.Key.Value, new TagResourceTypeCount
            {
                Securitygroup = c.Value.GetValueOrDefault("securitygroup"), Eni = c.Value.GetValueOrDefault("eni"),
                Instance = c.Value.GetValueOrDefault("instance"), Disk = c.Value.GetValueOrDefault("disk"),
            })).ToList();
        return new DescribeTagsResponse(ctx.RequestId, size, page, items.Count, new DescribeTagList(items.Skip((page - 1) * size).Take(size).ToList()));
    }

    /// <summary>ECS JoinResourceGroup: one resource into a resource group.</summary>
    public async Task<RequestIdResponse> JoinResourceGroupAsync(RpcContext ctx)
    {
        var regionId = ctx.Region().RegionId;
        var id = ctx.Required("ResourceId", 64);
        var type = TaggedTypes.Find(types, ctx.Required("ResourceType", 64));
        var group = ResourceGroupParameter.Read(ctx) ?? throw new EipException(EipError.MissingParameter("ResourceGroupId"));
        return await ctx.Store.WriteAsync(WriteScope.ResourcesOnly(ctx.Account.AccountId, id), async s =>
            await type.ChangeGroupAsync(s, ctx, id, regionId, group) is { } error ? throw new EipException(error) : new RequestIdResponse(ctx.RequestId),
            ctx.Cancellation);
    }

    private (TaggedType Type, string RegionId, IReadOnlyList<string> Ids) Target(RpcContext ctx)
    {
        var regionId = ctx.Region().RegionId;
        var type = TaggedTypes.Find(types, ctx.Required("ResourceType", 64));
        var ids = ResourceIds(ctx);
        return ids.Count == 0 ? throw new EipException(EipError.MissingParameter("ResourceId.1")) : (type, regionId, ids);
    }

    private static IReadOnlyList<string> ResourceIds(RpcContext ctx)
    {
        var ids = ctx.RepeatList("ResourceId", int.MaxValue);
        return ids.Count > MaxResourceIds ? throw new EipException(TagErrors.TooManyResourceIds(MaxResourceIds)) : ids.Distinct().ToList();
    }

    private static Task<RequestIdResponse> ChangeAsync(RpcContext ctx, TaggedType type, string regionId, IReadOnlyList<string> ids,
        Func<string, IReadOnlyList<Domain.Resources.ResourceTag>, (IReadOnlyList<Domain.Resources.ResourceTag>, EipError?)> change) =>
        ctx.Store.WriteAsync(WriteScope.ResourcesOnly(ctx.Account.AccountId, [.. ids.Select(type.LockId).Distinct()]), async s =>
        {
            foreach (var id in ids)
            {
                if (await type.ChangeTagsAsync(s, ctx, id, regionId, change) is { } error)
                    throw new EipException(error);
            }
            return new RequestIdResponse(ctx.RequestId);
        }, ctx.Cancellation);
}
