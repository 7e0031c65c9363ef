using Eipnet.Api.Rpc;
using Eipnet.Contracts.Common;
using Eipnet.Domain.Attachments;
using Eipnet.Domain.Catalog;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Resources;
using Eipnet.Store;
using Eipnet.Store.Queries;

namespace Eipnet.Api.NetworkInterfaces;

/// <summary>AttachNetworkInterface and DetachNetworkInterface (alibaba-api.md §2.3, §2.4, SPEC).</summary>
/// <remarks>The ENI's EIPs point at the ENI, not the instance, so they move with it and nothing changes on them.</remarks>
public static class EniAttachments
{
    public static async Task<RequestIdResponse> AttachAsync(RpcContext ctx)
    {
        var region = ctx.Region();
        var eniId = ctx.Required("NetworkInterfaceId", 64);
        var instanceId = ctx.Required("InstanceId", 64);
        ctx.OptionalInt("NetworkCardIndex", 0, 0);
        ctx.OptionalBool("WaitForNetworkConfigurationReady");

        // The instance is locked too: two ENIs attached to one instance at once could both pass the ENI count.
        return await ctx.Store.WriteAsync(WriteScope.Account(ctx.Account.AccountId, eniId, instanceId), async s =>
        {
            var eni = await Find.EniAsync(s, ctx, eniId, region.RegionId);
            var instance = await Find.InstanceAsync(s, ctx, instanceId, region.RegionId);
            var onInstance = await s.ListAsync<NetworkInterface>(DocQuery.Where("instance_id", instanceId));
            if (AttachmentRules.CheckAttach(eni, instance, TypeOf(ctx, instance), onInstance) is { } error)
                throw new EipException(error);
            var attaching = eni with
            {
                Status = EniStatus.Attaching,
                InstanceId = instanceId,
                DeviceIndex = AttachmentRules.NextDeviceIndex(onInstance),
                Revision = await s.RevisionAsync(),
            };
            await s.PutAsync(attaching);
            return new RequestIdResponse(ctx.RequestId);
        }, ctx.Cancellation);
    }

    public static async Task<RequestIdResponse> DetachAsync(RpcContext ctx)
    {
        var region = ctx.Region();
        var eniId = ctx.Required("NetworkInterfaceId", 64);
        var instanceId = ctx.Required("InstanceId", 64);
        ctx.Optional("TrunkNetworkInstanceId", 64);

        return await ctx.Store.WriteAsync(WriteScope.Account(ctx.Account.AccountId, eniId, instanceId), async s =>
        {
            var eni = await Find.EniAsync(s, ctx, eniId, region.RegionId);
            var instance = await Find.InstanceAsync(s, ctx, instanceId, region.RegionId);
            // A retried detach of an ENI already on its way off this instance succeeds without changing anything.
            if (eni.Status == EniStatus.Detaching && eni.InstanceId == instanceId)
                return new RequestIdResponse(ctx.RequestId);
            if (AttachmentRules.CheckDetach(eni, instance, TypeOf(ctx, instance)) is { } error)
                throw new EipException(error);
            await s.PutAsync(eni with { Status = EniStatus.Detaching, Revision = await s.RevisionAsync() });
            return new RequestIdResponse(ctx.RequestId);
        }, ctx.Cancellation);
    }

    /// <summary>The catalog entry of an instance's type; an operator who removed it from the catalog gets a clear refusal.</summary>
    internal static InstanceTypeSpec TypeOf(RpcContext ctx, Instance instance) =>
        ctx.Catalog.FindInstanceType(instance.InstanceType)
        ?? throw new EipException(EcsErrors.InstanceTypeNotSupported(instance.InstanceType));
}
