using Eipnet.Api.Rpc;
using Eipnet.Contracts.Vpcs;
using Eipnet.Domain.Resources;
using Eipnet.Store.Queries;

namespace Eipnet.Api.Vpcs;

/// <summary>DescribeRouteTableList: each VPC's system route table (Eipnet has no custom route tables).</summary>
/// <remarks>A system table's id, router and group follow from its VPC, so filters on them become filters on VPCs;
/// filters it cannot meet (a name, tags, a custom type, another router type) match nothing.</remarks>
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
        var type = ctx.Optional("RouteTableType", 32);
        var routerType = ctx.Optional("RouterType", 32);
        if (ctx.Optional("RouteTableName", 128) is not null || Tags.Read(ctx).Count > 0 || type is not (null or "System")
            || routerType is not (null or "VRouter"))
            query.AndIn("id", []);
        var (page, size) = ctx.Page(50);
        return await ctx.Store.ReadAsync(async s =>
        {
            var total = await s.CountAsync<Vpc>(query);
            var items = new List<RouteTableItem>();
            foreach (var v in await s.ListAsync<Vpc>(query.Paged(page, size)))
                items.Add(VpcView.SystemRouteTable(v, await VpcView.VSwitchIdsAsync(s, v)));
            return new DescribeRouteTableListResponse(ctx.RequestId, total, page, size, new RouteTableList(items));
        }, ctx.Cancellation);
    }

    /// <summary>The VPC id a system route table id (vtb-) or vRouter id (vrt-) belongs to; "" for an id of another form.</summary>
    public static string VpcOf(string id, string prefix) =>
        id.StartsWith(prefix, StringComparison.Ordinal) ? "vpc-" + id[prefix.Length..] : "";
}
