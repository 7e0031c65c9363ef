using Eipnet.Api.Rpc;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Resources;
using Eipnet.Domain.Tagging;
using Eipnet.Store;
using Eipnet.Store.Queries;

namespace Eipnet.Api.Tagging;

/// <summary>A kind of resource the tag actions accept (their ResourceType), over its store table.</summary>
/// <remarks>A type is tagged here only when its table indexes tags (Store Tables), so that Describe filters and
/// ListTagResources by tag run in SQL.</remarks>
public abstract class TaggedType(string name)
{
    /// <summary>The ResourceType as Alibaba's answers spell it (VPC, VSWITCH).</summary>
    public string Name { get; } = name;

    /// <summary>Replaces the tags of one of the caller's resources in the region with <paramref name="change"/> of them.</summary>
    /// <returns>The rule the change breaks, or a not-found error when the caller has no such resource there.</returns>
    public abstract Task<EipError?> ChangeTagsAsync(IStoreSession s, RpcContext ctx, string id, string regionId,
        Func<string, IReadOnlyList<ResourceTag>, (IReadOnlyList<ResourceTag> Tags, EipError? Error)> change);

    /// <summary>The caller's resources in the region that match the query, each with its tags, in creation order.</summary>
    public abstract Task<IReadOnlyList<(string Id, IReadOnlyList<ResourceTag> Tags)>> ListAsync(IStoreSession s, RpcContext ctx, string regionId, DocQuery filter);
}

/// <summary>A tagged type over documents of <typeparamref name="T"/>.</summary>
public sealed class TaggedType<T>(
    string name,
    Func<T, string> id,
    Func<T, (string AccountId, string RegionId)> owner,
    Func<T, IReadOnlyList<ResourceTag>> tags,
    Func<T, IReadOnlyList<ResourceTag>, T> withTags) : TaggedType(name) where T : class
{
    public override async Task<EipError?> ChangeTagsAsync(IStoreSession s, RpcContext ctx, string resourceId, string regionId,
        Func<string, IReadOnlyList<ResourceTag>, (IReadOnlyList<ResourceTag> Tags, EipError? Error)> change)
    {
        var item = await s.GetAsync<T>(resourceId);
        if (item is null || owner(item) != (ctx.Account.AccountId, regionId))
            return TagErrors.ResourceNotFound(resourceId);
        var (changed, error) = change(resourceId, tags(item));
        if (error is not null)
            return error;
        // Tags do not reach the data plane.
        await s.PutAsync(withTags(item, changed), forDataPlane: false);
        return null;
    }

    public override async Task<IReadOnlyList<(string Id, IReadOnlyList<ResourceTag> Tags)>> ListAsync(IStoreSession s, RpcContext ctx, string regionId, DocQuery filter) =>
        (await s.ListAsync<T>(filter.And("account_id", ctx.Account.AccountId).And("region_id", regionId))).Select(i => (id(i), tags(i))).ToList();
}
