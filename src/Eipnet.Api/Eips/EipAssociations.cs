using Eipnet.Api.Rpc;
using Eipnet.Contracts.Common;
using Eipnet.Domain.Associations;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Ids;
using Eipnet.Domain.Resources;
using Eipnet.Store;
using Eipnet.Store.Queries;

namespace Eipnet.Api.Eips;

/// <summary>AssociateEipAddress, UnassociateEipAddress and ModifyEipForwardMode: the seed's three modes.</summary>
public static class EipAssociations
{
    private static readonly string[] TargetTypes = ["EcsInstance", "NetworkInterface", "Nat", "SlbInstance", "HaVip", "IpAddress"];

    public static async Task<RequestIdResponse> AssociateAsync(RpcContext ctx)
    {
        var allocationId = ctx.Required("AllocationId", 64);
        var targetId = ctx.Required("InstanceId", 64);
        // Alibaba answers any InstanceType it does not take, known or not, with InvalidInstanceType.ValueNotSupported.
        var targetType = ctx.Optional("InstanceType", 64) ?? Association.EcsInstance;
        if (targetType is not (Association.EcsInstance or Association.NetworkInterface))
            throw new EipException(new EipError("InvalidInstanceType.ValueNotSupported", TargetTypes.Contains(targetType)
                ? $"Eipnet associates EIPs with ECS instances and network interfaces only, not {targetType}."
                : $"The InstanceType \"{targetType}\" is not supported; use EcsInstance or NetworkInterface.", 400));
        var modeText = ctx.Optional("Mode", 32) ?? "NAT";
        if (!AssociationModes.TryParse(modeText, out var mode))
            throw RpcContext.Invalid("Mode", "it must be NAT, BINDED or MULTI_BINDED.");
        if (targetType == Association.EcsInstance && mode != AssociationMode.Nat)
            throw RpcContext.Invalid("Mode", "BINDED and MULTI_BINDED apply to InstanceType NetworkInterface (a secondary ENI).");
        var privateIp = ctx.OptionalIpv4("PrivateIpAddress")?.ToString();
        var region = ctx.OptionalRegion();

        // The rules of an association concern the EIP and the ENI that carries it; locking both (the ENI also when it is named
        // through its instance) is what keeps them true while other associations of the account run at the same time.
        var eniId = await ctx.Store.ReadAsync(async s =>
        {
            await Find.EipAsync(s, ctx, allocationId, region?.RegionId); // the EIP is reported missing before the target
            return (await TargetEniAsync(s, ctx, targetId, targetType)).NetworkInterfaceId;
        }, ctx.Cancellation);
        return await ctx.Store.WriteAsync(WriteScope.ResourcesOnly(ctx.Account.AccountId, allocationId, targetId, eniId), async s =>
        {
            var eip = await Find.EipAsync(s, ctx, allocationId, region?.RegionId);
            var eni = await TargetEniAsync(s, ctx, targetId, targetType);
            var onEni = await s.ListAsync<Eip>(DocQuery.Where("eni_id", eni.NetworkInterfaceId).AndNot("id", eip.AllocationId));
            var catalogRegion = ctx.Catalog.FindRegion(eip.RegionId)!;
            var (mappedIp, error) = AssociationRules.Check(new AssociationRequest(eip, eni, onEni, mode.Value, privateIp, catalogRegion, await Find.AccountAsync(s, ctx)));
            if (error is not null)
                throw new EipException(error);
            var association = new Association(targetId, targetType, eni.NetworkInterfaceId, mappedIp!, mode.Value) { PrivateIpAddressRequested = privateIp is not null };
            await s.PutAsync(Transitions.BeginAssociate(eip, association, await s.RevisionAsync()));
            return new RequestIdResponse(ctx.RequestId);
        }, ctx.Cancellation);
    }

    /// <summary>The ENI an association lands on: the instance's primary ENI, or the named ENI.</summary>
    private static async Task<NetworkInterface> TargetEniAsync(IStoreSession s, RpcContext ctx, string targetId, string targetType)
    {
        if (targetType == Association.NetworkInterface)
        {
            if (!ResourceIds.LooksLike(targetId, ResourceIds.NetworkInterface))
                throw new EipException(EipError.NotFound("InvalidInstanceId.NotFound", "network interface", targetId));
            return await Find.EniAsync(s, ctx, targetId, null, "InvalidInstanceId.NotFound");
        }
        // An eni- id sent as EcsInstance (Terraform's default InstanceType) is not silently taken for an instance.
        if (!ResourceIds.LooksLike(targetId, ResourceIds.Instance))
            throw new EipException(EipError.NotFound("InvalidInstanceId.NotFound", "instance", targetId));
        var instance = await Find.InstanceAsync(s, ctx, targetId, null);
        if (instance.Status is not (InstanceStatus.Running or InstanceStatus.Stopped))
            throw new EipException(new EipError("IncorrectInstanceStatus", $"The instance {targetId} is {instance.Status}; it must be Running or Stopped.", 403));
        return await Find.EniAsync(s, ctx, instance.PrimaryNetworkInterfaceId, null);
    }

    public static async Task<RequestIdResponse> UnassociateAsync(RpcContext ctx)
    {
        var allocationId = ctx.Required("AllocationId", 64);
        var targetId = ctx.Optional("InstanceId", 64);
        ctx.OneOf("InstanceType", TargetTypes);
        var privateIp = ctx.OptionalIpv4("PrivateIpAddress")?.ToString();
        ctx.OptionalBool("Force");
        var region = ctx.OptionalRegion();

        return await ctx.Store.WriteAsync(WriteScope.ResourcesOnly(ctx.Account.AccountId, allocationId), async s =>
        {
            var eip = await Find.EipAsync(s, ctx, allocationId, region?.RegionId);
            if (eip.Status != EipStatus.InUse)
                throw new EipException(EipError.IncorrectEipStatus(allocationId, eip.Status.ToString(), "InUse"));
            var association = eip.Association!;
            if (targetId is not null && targetId != association.TargetId && targetId != association.NetworkInterfaceId)
                throw new EipException(new EipError("InvalidBindingStatus", $"The EIP {allocationId} is associated with {association.TargetId}, not {targetId}.", 400));
            if (privateIp is not null && privateIp != association.PrivateIpAddress)
                throw new EipException(new EipError("InvalidBindingStatus", $"The EIP {allocationId} is mapped to {association.PrivateIpAddress}, not {privateIp}.", 400));
            await s.PutAsync(Transitions.BeginUnassociate(eip, await s.RevisionAsync()));
            return new RequestIdResponse(ctx.RequestId);
        }, ctx.Cancellation);
    }

    /// <summary>Changes the mode of an associated EIP; the new mode must pass the same rules as a new association.</summary>
    /// <remarks>The EIP goes through Associating again while the data plane rebuilds its path.</remarks>
    public static async Task<RequestIdResponse> ModifyForwardModeAsync(RpcContext ctx)
    {
        var region = ctx.Region();
        var allocationId = ctx.Required("InstanceId", 64);
        var modeText = ctx.Required("Mode", 32);
        if (!AssociationModes.TryParse(modeText, out var mode))
            throw RpcContext.Invalid("Mode", "it must be NAT, BINDED or MULTI_BINDED.");

        var eniId = (await ctx.Store.ReadAsync(s => Find.EipAsync(s, ctx, allocationId, region.RegionId), ctx.Cancellation)).Association?.NetworkInterfaceId ?? "";
        return await ctx.Store.WriteAsync(WriteScope.ResourcesOnly(ctx.Account.AccountId, allocationId, eniId), async s =>
        {
            var eip = await Find.EipAsync(s, ctx, allocationId, region.RegionId);
            if (eip.Status != EipStatus.InUse || eip.Association!.NetworkInterfaceId != eniId)
                throw new EipException(EipError.IncorrectEipStatus(allocationId, eip.Status.ToString(), "InUse"));
            var current = eip.Association!;
            if (current.Mode == mode)
                return new RequestIdResponse(ctx.RequestId);
            if (current.TargetType == Association.EcsInstance)
                throw RpcContext.Invalid("Mode", "an EIP associated with an ECS instance stays in NAT mode.");
            var eni = await Find.EniAsync(s, ctx, current.NetworkInterfaceId, null);
            var onEni = await s.ListAsync<Eip>(DocQuery.Where("eni_id", eni.NetworkInterfaceId).AndNot("id", eip.AllocationId));
            var asIfFree = eip with { Status = EipStatus.Available, Association = null };
            var requested = mode == AssociationMode.Nat ? current.PrivateIpAddress : null;
            var (mappedIp, error) = AssociationRules.Check(new AssociationRequest(asIfFree, eni, onEni, mode.Value, requested, region, await Find.AccountAsync(s, ctx)));
            if (error is not null)
                throw new EipException(error);
            await s.PutAsync(Transitions.BeginAssociate(eip, current with { Mode = mode.Value, PrivateIpAddress = mappedIp! }, await s.RevisionAsync()));
            return new RequestIdResponse(ctx.RequestId);
        }, ctx.Cancellation);
    }
}
