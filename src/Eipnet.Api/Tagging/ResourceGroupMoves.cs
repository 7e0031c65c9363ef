using Eipnet.Api.Rpc;
using Eipnet.Contracts.Common;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Resources;
using Eipnet.Domain.Tagging;
using Eipnet.Store;
using Eipnet.Store.Queries;

namespace Eipnet.Api.Tagging;

/// <summary>The VPC API's MoveResourceGroup. A VPC moves with its vSwitches (a vSwitch has no group of its own in the
/// API: CreateVSwitch takes none and MoveResourceGroup does not accept vSwitches).</summary>
public static class ResourceGroupMoves
{
    private static readonly string[] Movable = ["VPC"];

    public static async Task<RequestIdResponse> MoveAsync(RpcContext ctx)
    {
        var regionId = ctx.Region().RegionId;
        var resourceId = ctx.Required("ResourceId", 64);
        var type = ctx.Required("ResourceType", 64);
        var group = ResourceGroupParameter.Read(ctx, "NewResourceGroupId") ?? throw new EipException(EipError.MissingParameter("NewResourceGroupId"));
        if (!Movable.Contains(type, StringComparer.OrdinalIgnoreCase))
            throw new EipException(TagErrors.MoveResourceTypeNotSupported(type, Movable));
        return await ctx.Store.WriteAsync(WriteScope.ResourcesOnly(ctx.Account.AccountId, resourceId), async s =>
        {
            var vpc = await s.GetAsync<Vpc>(resourceId);
            if (vpc is null || vpc.AccountId != ctx.Account.AccountId || vpc.RegionId != regionId)
                throw new EipException(TagErrors.MoveResourceNotFound(resourceId));
            await s.PutAsync(vpc with { ResourceGroupId = group }, forDataPlane: false);
            foreach (var vsw in await s.ListAsync<VSwitch>(DocQuery.Where("vpc_id", vpc.VpcId)))
                await s.PutAsync(vsw with { ResourceGroupId = group }, forDataPlane: false);
            return new RequestIdResponse(ctx.RequestId);
        }, ctx.Cancellation);
    }
}
