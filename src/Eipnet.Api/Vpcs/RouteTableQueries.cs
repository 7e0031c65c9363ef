using Eipnet.Api.Rpc;
using Eipnet.Contracts.Common;
using Eipnet.Contracts.Vpcs;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Resources;
using Eipnet.Store;
using Eipnet.Store.Queries;

namespace Eipnet.Api.Vpcs;

/// <summary>DescribeRouteTableList and ModifyRouteTableAttributes over each VPC's system route table (Eipnet has no
/// custom route tables and no routes of its own to show).</summary>
/// <remarks>A system table's id, router and group follow from its VPC; its name, description and propagation flag are
/// kept on the VPC. A region holds at most <see cref="VpcNetworking.VpcsPerRegion"/> VPCs, so the filters on what the VPC
/// keeps run over the region's VPCs in memory.</remarks>
public static class RouteTableQueries
{
    public static async Task<DescribeRouteTableListResponse> DescribeRouteTableListAsync(RpcContext ctx)
    {
        var region = ctx.Region();
        var query = DocQuery.Where("account_id", ctx.Account.AccountId).And("region_id", region.RegionId)
            .AndIf("id", ctx.Optional("VpcId", 64)).AndIf("resource_group_id", ResourceGroupParameter.Read(ctx));
        if (ctx.Optional("RouteTableId", 64) is { } routeTableId)
            query.And("id", VpcOf(routeTableId, "vtb-"));
        if (ctx.Optional("RouterId", 64) is { } routerId)
            query.And("id", VpcOf(routerId, "vrt-"));
        var name = ctx.Optional("RouteTableName", 128);
        var type = ctx.Optional("RouteTableType", 32);
        var routerType = ctx.Optional("RouterType", 32);
        if (Tags.Read(ctx).Count > 0 || type is not (null or "System") || routerType is not (null or "VRouter"))
            query.AndIn("id", []); // system tables carry no tags; there are no custom tables and no other routers
        var (page, size) = ctx.Page(50);
        return await ctx.Store.ReadAsync(async s =>
        {
            var vpcs = (await s.ListAsync<Vpc>(query)).Where(v => name is null || v.RouteTableName == name).ToList();
            var items = new List<RouteTableItem>();
            foreach (var v in vpcs.Skip((page - 1) * size).Take(size))
                items.Add(VpcView.SystemRouteTable(v, await VpcView.VSwitchIdsAsync(s, v)));
            return new DescribeRouteTableListResponse(ctx.RequestId, vpcs.Count, page, size, new RouteTableList(items));
        }, ctx.Cancellation);
    }

    public static async Task<RequestIdResponse> ModifyRouteTableAttributesAsync(RpcContext ctx)
    {
        var region = ctx.Region();
        var routeTableId = ctx.Required("RouteTableId", 64);
        var name = ctx.TextOrCleared("RouteTableName", 1, 128);
        var description = ctx.TextOrCleared("Description", 1, 256);
        var propagation = ctx.OptionalBool("RoutePropagationEnable");
        var vpcId = VpcOf(routeTableId, "vtb-");
        return await ctx.Store.WriteAsync(WriteScope.Account(ctx.Account.AccountId, vpcId), async s =>
        {
            var vpc = await s.GetAsync<Vpc>(vpcId);
            if (vpc is null || vpc.AccountId != ctx.Account.AccountId || vpc.RegionId != region.RegionId)
                throw new EipException(EipError.NotFound("InvalidRouteTableId.NotFound", "route table", routeTableId));
            await s.PutAsync(vpc with
            {
                RouteTableName = name ?? vpc.RouteTableName,
                RouteTableDescription = description ?? vpc.RouteTableDescription,
                RoutePropagationEnabled = propagation ?? vpc.RoutePropagationEnabled,
            }, forDataPlane: false);
            return new RequestIdResponse(ctx.RequestId);
        }, ctx.Cancellation);
    }

    /// <summary>The VPC id a system route table id (vtb-) or vRouter id (vrt-) belongs to; "" for an id of another form.</summary>
    public static string VpcOf(string id, string prefix) =>
        id.StartsWith(prefix, StringComparison.Ordinal) ? "vpc-" + id[prefix.Length..] : "";
}
