using Eipnet.Api.Rpc;
using Eipnet.Contracts.Common;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Resources;
using Eipnet.Domain.Tagging;
using Eipnet.Store;
using Eipnet.Store.Queries;

namespace Eipnet.Api.Tagging;

/// <summary>The VPC API's MoveResourceGroup, for VPCs and EIPs. A VPC moves with its vSwitches (a vSwitch has no group of
/// its own in the API: CreateVSwitch takes none and MoveResourceGroup does not accept vSwitches).</summary>
public static class ResourceGroupMoves
{
    private static readonly string[] Movable = ["VPC", "EIP"];

    public static async Task<RequestIdResponse> MoveAsync(RpcContext ctx)
    {
        var regionId = ctx.Region().RegionId;
        var resourceId = ctx.Required("ResourceId", 64);
        var type = ctx.Required("ResourceType", 64);
        var group = ResourceGroupParameter.Read(ctx, "NewResourceGroupId") ?? throw new EipException(EipError.MissingParameter("NewResourceGroupId"));
        if (!Movable.Contains(type, StringComparer.OrdinalIgnoreCase))
            throw new EipException(TagErrors.MoveResourceTypeNotSupported(type, Movable));
        var isVpc = string.Equals(type, "VPC", StringComparison.OrdinalIgnoreCase);
        return await ctx.Store.WriteAsync(WriteScope.ResourcesOnly(ctx.Account.AccountId, resourceId), async s =>
        {
            if (isVpc)
                await MoveVpcAsync(s, ctx, regionId, resourceId, group);
            else
                await MoveEipAsync(s, ctx, regionId, resourceId, group);
            return new RequestIdResponse(ctx.RequestId);
        }, ctx.Cancellation);
    }

    private static async Task MoveVpcAsync(IStoreSession s, RpcContext ctx, string regionId, string id, string group)
    {
        var vpc = await s.GetAsync<Vpc>(id);
        if (vpc is null || (vpc.AccountId, vpc.RegionId) != (ctx.Account.AccountId, regionId))
            throw new EipException(TagErrors.MoveResourceNotFound(id));
        await s.PutAsync(vpc with { ResourceGroupId = group }, forDataPlane: false);
        foreach (var vsw in await s.ListAsync<VSwitch>(DocQuery.Where("vpc_id", vpc.VpcId)))
            await s.PutAsync(vsw with { ResourceGroupId = group }, forDataPlane: false);
    }

    private static async Task MoveEipAsync(IStoreSession s, RpcContext ctx, string regionId, string id, string group)
    {
        var eip = await s.GetAsync<Eip>(id);
        if (eip is null || (eip.AccountId, eip.RegionId) != (ctx.Account.AccountId, regionId))
            throw new EipException(TagErrors.MoveResourceNotFound(id));
        if (LabelRules.CheckEip(eip) is { } refused)
            throw new EipException(refused);
        await s.PutAsync(eip with { ResourceGroupId = group }, forDataPlane: false);
    }
}
