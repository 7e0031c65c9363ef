using Eipnet.Api.Instances;
using Eipnet.Api.Rpc;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Resources;
using Eipnet.Domain.Tagging;
using Eipnet.Store;
using Eipnet.Store.Queries;

namespace Eipnet.Api.Tagging;

/// <summary>The ECS tag actions' ResourceType disk: instances' system disks, whose tags live in the instance's document
/// (<see cref="SystemDisk.Tags"/>) and are filtered in memory (an account's instances in a region are bounded by its quota).</summary>
/// <remarks>A disk has no resource group of its own: it is in its instance's.</remarks>
public sealed class DiskTaggedType() : TaggedType("disk")
{
    public override string LockId(string id) => DiskChanges.InstanceIdOf(id) ?? id;

    public override async Task<EipError?> ChangeTagsAsync(IStoreSession s, RpcContext ctx, string id, string regionId,
        Func<string, IReadOnlyList<ResourceTag>, (IReadOnlyList<ResourceTag> Tags, EipError? Error)> change)
    {
        var instance = DiskChanges.InstanceIdOf(id) is { } instanceId ? await s.GetAsync<Instance>(instanceId) : null;
        if (instance is null || (instance.AccountId, instance.RegionId) != (ctx.Account.AccountId, regionId))
            return TagErrors.ResourceNotFound(id);
        // The disk is in the instance's document, which the completion of a transition rewrites.
        if (InstanceRules.CheckChange(instance) is { } refused)
            return refused;
        var (changed, error) = change(id, instance.SystemDisk.Tags);
        if (error is not null)
            return error;
        await s.PutAsync(instance with { SystemDisk = instance.SystemDisk with { Tags = changed } }, forDataPlane: false);
        return null;
    }

    public override Task<EipError?> ChangeGroupAsync(IStoreSession s, RpcContext ctx, string id, string regionId, string group) =>
        Task.FromResult<EipError?>(TagErrors.JoinResourceTypeNotSupported(Name));

    public override async Task<IReadOnlyList<(string Id, IReadOnlyList<ResourceTag> Tags)>> ListAsync(IStoreSession s, RpcContext ctx, string regionId,
        IReadOnlyList<string> ids, IReadOnlyList<ResourceTag> tags)
    {
        var query = DocQuery.Where("account_id", ctx.Account.AccountId).And("region_id", regionId);
        if (ids.Count > 0)
            query.AndIn("id", ids.Select(DiskChanges.InstanceIdOf).OfType<string>().ToList());
        return (await s.ListAsync<Instance>(query)).Where(i => TagRules.Match(i.SystemDisk.Tags, tags))
            .Select(i => (DiskQueries.DiskId(i.InstanceId), i.SystemDisk.Tags)).ToList();
    }
}
