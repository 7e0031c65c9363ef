using Eipnet.Api.Rpc;
using Eipnet.Contracts.Common;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Resources;
using Eipnet.Store;
using Eipnet.Store.Queries;

namespace Eipnet.Api.Instances;

/// <summary>StartInstance, StopInstance and DeleteInstance (alibaba-api.md §2.10, §3.3, SPEC).</summary>
public static class InstanceLifecycle
{
    public static async Task<RequestIdResponse> StartAsync(RpcContext ctx)
    {
        var id = ctx.Required("InstanceId", 64);
        var region = ctx.OptionalRegion();
        ctx.OptionalBool("InitLocalDisk");
        var dryRun = ctx.OptionalBool("DryRun") ?? false;
        return await ChangeStatusAsync(ctx, id, region?.RegionId, InstanceStatus.Stopped, InstanceStatus.Starting, dryRun);
    }

    public static async Task<RequestIdResponse> StopAsync(RpcContext ctx)
    {
        var id = ctx.Required("InstanceId", 64);
        var region = ctx.OptionalRegion();
        ctx.OptionalBool("ForceStop");
        ctx.OptionalBool("ConfirmStop");
        // Eipnet's instances are pay-as-you-go VPC instances without local disks, which Alibaba lets stop either way.
        var mode = ctx.OneOf("StoppedMode", "StopCharging", "KeepCharging") ?? "";
        var dryRun = ctx.OptionalBool("DryRun") ?? false;
        return await ChangeStatusAsync(ctx, id, region?.RegionId, InstanceStatus.Running, InstanceStatus.Stopping, dryRun, mode);
    }

    private static Task<RequestIdResponse> ChangeStatusAsync(
        RpcContext ctx, string id, string? regionId, InstanceStatus from, InstanceStatus to, bool dryRun, string stoppedMode = "") =>
        ctx.Store.WriteAsync(WriteScope.Account(ctx.Account.AccountId, id), async s =>
        {
            var instance = await Find.InstanceAsync(s, ctx, id, regionId);
            if (instance.Status != from)
                throw new EipException(EcsErrors.IncorrectInstanceStatus(id, instance.Status.ToString(), from.ToString()));
            if (dryRun)
                throw new EipException(EcsErrors.DryRunOperation());
            await s.PutAsync(instance with { Status = to, StoppedMode = stoppedMode, Revision = await s.RevisionAsync() });
            return new RequestIdResponse(ctx.RequestId);
        }, ctx.Cancellation);

    /// <summary>Deletes a Stopped instance (any instance with Force=true) and its primary ENI.</summary>
    /// <remarks>SPEC: deleting an instance never releases EIPs. EIPs on the primary ENI are unassociated (they end Available);
    /// secondary ENIs are detached and keep their EIPs.</remarks>
    public static async Task<RequestIdResponse> DeleteAsync(RpcContext ctx)
    {
        var id = ctx.Required("InstanceId", 64);
        var region = ctx.OptionalRegion();
        var force = ctx.OptionalBool("Force") ?? false;
        ctx.OptionalBool("ForceStop");
        ctx.OptionalBool("TerminateSubscription");
        var dryRun = ctx.OptionalBool("DryRun") ?? false;

        // Everything the delete changes is locked, so a concurrent change to one of those ENIs or EIPs gets TaskConflict.
        var changing = await ctx.Store.ReadAsync(s => ChangingAsync(s, ctx.Account.AccountId, id), ctx.Cancellation);
        return await ctx.Store.WriteAsync(WriteScope.Account(ctx.Account.AccountId, [id, .. changing]), async s =>
        {
            var instance = await Find.InstanceAsync(s, ctx, id, region?.RegionId);
            if (InstanceRules.CheckDelete(instance) is { } protectedError)
                throw new EipException(protectedError);
            if (!force && instance.Status != InstanceStatus.Stopped)
                throw new EipException(EcsErrors.IncorrectInstanceStatus(id, instance.Status.ToString(), "Stopped (or pass Force=true)"));
            var enis = await s.ListAsync<NetworkInterface>(EnisOf(ctx.Account.AccountId, id));
            var eips = await s.ListAsync<Eip>(EipsOn(ctx.Account.AccountId, instance.PrimaryNetworkInterfaceId));
            // Something was attached or associated between the look-up and the locks: the caller retries.
            if (enis.Select(n => n.NetworkInterfaceId).Concat(eips.Select(e => e.AllocationId)).Any(x => !changing.Contains(x)))
                throw new EipException(EipError.TaskConflict());
            if (dryRun)
                throw new EipException(EcsErrors.DryRunOperation());

            var revision = await s.RevisionAsync();
            foreach (var eip in eips.Where(e => e.Status is EipStatus.Associating or EipStatus.InUse))
                await s.PutAsync(Transitions.BeginUnassociate(eip, revision));
            foreach (var eni in enis.Where(n => n.Type == EniType.Secondary && n.Status is EniStatus.Attaching or EniStatus.InUse))
                await s.PutAsync(eni with { Status = EniStatus.Detaching, Revision = revision });
            await s.ReleasePrivateIpsAsync(instance.PrimaryNetworkInterfaceId);
            await s.DeleteAsync<NetworkInterface>(instance.PrimaryNetworkInterfaceId);
            await s.DeleteAsync<Instance>(id);
            return new RequestIdResponse(ctx.RequestId);
        }, ctx.Cancellation);
    }

    /// <summary>Ids of the ENIs on the instance and of the EIPs on its primary ENI.</summary>
    private static async Task<string[]> ChangingAsync(IStoreSession s, string accountId, string instanceId)
    {
        var instance = await s.GetAsync<Instance>(instanceId);
        if (instance is null || instance.AccountId != accountId)
            return [];
        var enis = await s.ListAsync<NetworkInterface>(EnisOf(accountId, instanceId));
        var eips = await s.ListAsync<Eip>(EipsOn(accountId, instance.PrimaryNetworkInterfaceId));
        return [.. enis.Select(n => n.NetworkInterfaceId), .. eips.Select(e => e.AllocationId)];
    }

    private static DocQuery EnisOf(string accountId, string instanceId) =>
        DocQuery.Where("account_id", accountId).And("instance_id", instanceId);

    private static DocQuery EipsOn(string accountId, string eniId) =>
        DocQuery.Where("account_id", accountId).And("eni_id", eniId);
}
