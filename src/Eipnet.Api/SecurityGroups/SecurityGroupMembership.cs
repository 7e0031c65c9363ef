using Eipnet.Api.Rpc;
using Eipnet.Contracts.Common;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Resources;
using Eipnet.Domain.SecurityGroups;
using Eipnet.Store;

namespace Eipnet.Api.SecurityGroups;

/// <summary>JoinSecurityGroup and LeaveSecurityGroup, for an instance (its primary ENI) or a network interface.</summary>
/// <remarks>Membership is stored on the ENI, which is locked for the change and put with the data plane's change log.</remarks>
public static class SecurityGroupMembership
{
    public static Task<RequestIdResponse> JoinAsync(RpcContext ctx) => ChangeAsync(ctx, join: true);

    public static Task<RequestIdResponse> LeaveAsync(RpcContext ctx) => ChangeAsync(ctx, join: false);

    private static async Task<RequestIdResponse> ChangeAsync(RpcContext ctx, bool join)
    {
        var groupId = ctx.Required("SecurityGroupId", 64);
        var instanceId = ctx.Optional("InstanceId", 64);
        var eniId = ctx.Optional("NetworkInterfaceId", 64);
        if (instanceId is null && eniId is null)
            throw new EipException(new EipError("MissingParameter", "Give InstanceId (its primary network interface) or NetworkInterfaceId.", 400));
        if (instanceId is not null && eniId is not null)
            throw RpcContext.Invalid("NetworkInterfaceId", "give InstanceId or NetworkInterfaceId, not both.");
        if (eniId is not null && ctx.Optional("RegionId", 64) is null)
            throw new EipException(new EipError("MissingParameter.RegionId", "RegionId is required when NetworkInterfaceId is given.", 400));
        var regionId = ctx.OptionalRegion()?.RegionId;

        // An instance's primary ENI never changes, so it can be read before the write that locks it.
        var targetEniId = eniId ?? (await ctx.Store.ReadAsync(s => Find.InstanceAsync(s, ctx, instanceId!, regionId), ctx.Cancellation))
            .PrimaryNetworkInterfaceId;
        string[] locked = instanceId is null ? [targetEniId] : [instanceId, targetEniId];

        return await ctx.Store.WriteAsync(WriteScope.Account(ctx.Account.AccountId, locked), async s =>
        {
            var eni = instanceId is null
                ? await Find.EniAsync(s, ctx, targetEniId, regionId)
                : await Find.EniAsync(s, ctx, (await Find.InstanceAsync(s, ctx, instanceId, regionId)).PrimaryNetworkInterfaceId, null, "InvalidInstanceId.NotFound");
            var group = await Find.SecurityGroupAsync(s, ctx, groupId, eni.RegionId);
            var target = instanceId ?? eni.NetworkInterfaceId;
            var (changed, error) = join ? MembershipRules.Join(eni, group, target, viaInstance: instanceId is not null) : MembershipRules.Leave(eni, group, target);
            if (error is not null)
                throw new EipException(error);
            await s.PutAsync(changed! with { Revision = await s.RevisionAsync() });
            return new RequestIdResponse(ctx.RequestId);
        }, ctx.Cancellation);
    }
}
