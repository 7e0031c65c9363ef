using Eipnet.Api.Rpc;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Resources;
using Eipnet.Domain.Tagging;
using Eipnet.Store;
using Eipnet.Store.Queries;

namespace Eipnet.Api.Tagging;

/// <summary>A kind of resource the tag actions accept (their ResourceType), over its store table.</summary>
/// <remarks>Where the type's table indexes tags (Store Tables: VPCs, vSwitches) the tag filter runs in SQL; EIPs, whose
/// tags are only in their documents, are filtered in memory.</remarks>
public abstract class TaggedType(string name)
{
    /// <summary>The ResourceType as Alibaba's answers spell it (VPC, VSWITCH).</summary>
    public string Name { get; } = name;

    /// <summary>What a change of the resource with this id locks (the resource itself, unless it lives in another's document).</summary>
    public virtual string LockId(string id) => id;

    /// <summary>Replaces the tags of one of the caller's resources in the region with <paramref name="change"/> of them.</summary>
    /// <returns>The rule the change breaks, or a not-found error when the caller has no such resource there.</returns>
    public abstract Task<EipError?> ChangeTagsAsync(IStoreSession s, RpcContext ctx, string id, string regionId,
        Func<string, IReadOnlyList<ResourceTag>, (IReadOnlyList<ResourceTag> Tags, EipError? Error)> change);

    /// <summary>Moves one of the caller's resources in the region to another resource group (ECS JoinResourceGroup).</summary>
    /// <returns>The rule the move breaks, or a not-found error; <see cref="TagErrors.JoinResourceTypeNotSupported"/> for a type
    /// that has no resource group.</returns>
    public abstract Task<EipError?> ChangeGroupAsync(IStoreSession s, RpcContext ctx, string id, string regionId, string group);

    /// <summary>The caller's resources in the region with these ids (all when empty) that carry every filter tag, each with
    /// its tags, in creation order.</summary>
    public abstract Task<IReadOnlyList<(string Id, IReadOnlyList<ResourceTag> Tags)>> ListAsync(IStoreSession s, RpcContext ctx, string regionId,
        IReadOnlyList<string> ids, IReadOnlyList<ResourceTag> tags);
}

/// <summary>A tagged type over documents of <typeparamref name="T"/>; <paramref name="indexed"/> when its table indexes tags;
/// <paramref name="canChange"/> the state rule a tag change must pass, if any; <paramref name="withGroup"/> when the type
/// has a resource group of its own.</summary>
public sealed class TaggedType<T>(
    string name,
    Func<T, string> id,
    Func<T, (string AccountId, string RegionId)> owner,
    Func<T, IReadOnlyList<ResourceTag>> tags,
    Func<T, IReadOnlyList<ResourceTag>, T> withTags,
    bool indexed = true,
    Func<T, EipError?>? canChange = null,
    Func<T, string, T>? withGroup = null) : TaggedType(name) where T : class
{
    public override async Task<EipError?> ChangeGroupAsync(IStoreSession s, RpcContext ctx, string resourceId, string regionId, string group)
    {
        if (withGroup is null)
            return TagErrors.JoinResourceTypeNotSupported(Name);
        var item = await s.GetAsync<T>(resourceId);
        if (item is null || owner(item) != (ctx.Account.AccountId, regionId))
            return TagErrors.MoveResourceNotFound(resourceId);
        if (canChange?.Invoke(item) is { } refused)
            return refused;
        await s.PutAsync(withGroup(item, group), forDataPlane: false);
        return null;
    }

    public override async Task<EipError?> ChangeTagsAsync(IStoreSession s, RpcContext ctx, string resourceId, string regionId,
        Func<string, IReadOnlyList<ResourceTag>, (IReadOnlyList<ResourceTag> Tags, EipError? Error)> change)
    {
        var item = await s.GetAsync<T>(resourceId);
        if (item is null || owner(item) != (ctx.Account.AccountId, regionId))
            return TagErrors.ResourceNotFound(resourceId);
        if (canChange?.Invoke(item) is { } refused)
            return refused;
        var (changed, error) = change(resourceId, tags(item));
        if (error is not null)
            return error;
        // Tags do not reach the data plane.
        await s.PutAsync(withTags(item, changed), forDataPlane: false);
        return null;
    }

    public override async Task<IReadOnlyList<(string Id, IReadOnlyList<ResourceTag> Tags)>> ListAsync(IStoreSession s, RpcContext ctx, string regionId,
        IReadOnlyList<string> ids, IReadOnlyList<ResourceTag> filter)
    {
        var query = DocQuery.Where("account_id", ctx.Account.AccountId).And("region_id", regionId);
        if (ids.Count > 0)
            query.AndIn("id", ids);
        if (indexed)
            Tags.Filter(query, filter);
        return (await s.ListAsync<T>(query)).Where(i => indexed || TagRules.Match(tags(i), filter)).Select(i => (id(i), tags(i))).ToList();
    }
}
