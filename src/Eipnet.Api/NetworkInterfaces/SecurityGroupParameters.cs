using Eipnet.Api.Rpc;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Resources;
using Eipnet.Store;

namespace Eipnet.Api.NetworkInterfaces;

/// <summary>The security groups an ENI (or an instance's primary ENI) is created with, or replaced by.</summary>
internal static class SecurityGroupParameters
{
    /// <summary>SecurityGroupId or SecurityGroupIds.N: exactly one of the two forms, 1-5 distinct groups.</summary>
    public static IReadOnlyList<string> ReadSingleOrList(RpcContext ctx)
    {
        var single = ctx.Optional("SecurityGroupId", 64);
        var list = ctx.RepeatList("SecurityGroupIds", NetworkInterface.MaxSecurityGroups);
        if (single is not null && list.Count > 0)
            throw new EipException(EcsErrors.Conflict("SecurityGroupId", "SecurityGroupIds.N"));
        if (single is null && list.Count == 0)
            throw new EipException(EipError.MissingParameter("SecurityGroupId"));
        return single is null ? Distinct(list, "SecurityGroupIds.N") : [single];
    }

    /// <summary>Name.N as a replacement list (empty when not given), 1-5 distinct groups.</summary>
    public static IReadOnlyList<string> ReadList(RpcContext ctx, string name) =>
        Distinct(ctx.RepeatList(name, NetworkInterface.MaxSecurityGroups), name + ".N");

    /// <summary>Loads every group (the caller's, in the region) and checks that it belongs to <paramref name="vpcId"/>.</summary>
    public static async Task CheckAsync(
        IStoreSession s, RpcContext ctx, IReadOnlyList<string> ids, string regionId, string vpcId, Func<SecurityGroup, EipError> notInVpc)
    {
        foreach (var id in ids)
        {
            var group = await Find.SecurityGroupAsync(s, ctx, id, regionId);
            if (group.VpcId != vpcId)
                throw new EipException(notInVpc(group));
        }
    }

    private static IReadOnlyList<string> Distinct(IReadOnlyList<string> ids, string name) =>
        ids.Distinct(StringComparer.Ordinal).Count() == ids.Count
            ? ids
            : throw RpcContext.Invalid(name, "a security group is given more than once.");
}
