using Eipnet.Api.Rpc;
using Eipnet.Contracts.Vpcs;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Resources;
using Eipnet.Store.Queries;

namespace Eipnet.Api.Vpcs;

/// <summary>DescribeVpcs, DescribeVSwitches, DescribeVpcAttribute, DescribeVSwitchAttributes.</summary>
/// <remarks>Every documented filter filters: those on things Eipnet does not have (a default VPC, IPv6, DHCP options
/// sets, another owner) match nothing when they ask for them and everything when they ask for their absence.</remarks>
public static class VpcQueries
{
    public static async Task<DescribeVpcsResponse> DescribeVpcsAsync(RpcContext ctx)
    {
        var region = ctx.Region();
        var query = DocQuery.Where("account_id", ctx.Account.AccountId).And("region_id", region.RegionId)
            .AndIf("name", ctx.Text("VpcName", 1, 128)).AndIf("resource_group_id", ResourceGroupParameter.Read(ctx));
        if (ctx.CommaList("VpcId", 20) is { } ids)
            query.AndIn("id", ids);
        if (ctx.Optional("DhcpOptionsSetId", 64) is not null)
            query.AndIn("id", []); // no VPC has a DHCP options set
        CommonFilters(ctx, query, "VpcOwnerId");
        var (page, size) = ctx.Page(50);
        return await ctx.Store.ReadAsync(async s =>
        {
            var total = await s.CountAsync<Vpc>(query);
            var items = new List<VpcItem>();
            foreach (var v in await s.ListAsync<Vpc>(query.Paged(page, size)))
                items.Add(VpcView.Item(v, await VpcView.VSwitchIdsAsync(s, v)));
            return new DescribeVpcsResponse(ctx.RequestId, total, page, size, new VpcList(items));
        }, ctx.Cancellation);
    }

    public static async Task<DescribeVSwitchesResponse> DescribeVSwitchesAsync(RpcContext ctx)
    {
        var region = ctx.OptionalRegion();
        var vpcId = ctx.Optional("VpcId", 64);
        if (region is null && vpcId is null)
            throw new EipException(EipError.MissingParameter("RegionId"));
        var query = DocQuery.Where("account_id", ctx.Account.AccountId).AndIf("region_id", region?.RegionId)
            .AndIf("vpc_id", vpcId).AndIf("zone_id", ctx.Optional("ZoneId", 64)).AndIf("name", ctx.Text("VSwitchName", 1, 128))
            .AndIf("resource_group_id", ResourceGroupParameter.Read(ctx));
        if (ctx.CommaList("VSwitchId", 20) is { } ids)
            query.AndIn("id", ids);
        if (ctx.Optional("RouteTableId", 64) is { } routeTableId)
        {
            // Every vSwitch is in its VPC's system route table, whose id follows from the VPC's.
            query.And("vpc_id", RouteTableQueries.VpcOf(routeTableId, "vtb-"));
        }
        CommonFilters(ctx, query, "VSwitchOwnerId");
        var (page, size) = ctx.Page(50);
        return await ctx.Store.ReadAsync(async s =>
        {
            var total = await s.CountAsync<VSwitch>(query);
            var items = new List<VSwitchItem>();
            foreach (var v in await s.ListAsync<VSwitch>(query.Paged(page, size)))
                items.Add(VpcView.Item(v, await VpcView.AvailableIpAddressCountAsync(s, v)));
            return new DescribeVSwitchesResponse(ctx.RequestId, total, page, size, new VSwitchList(items));
        }, ctx.Cancellation);
    }

    public static async Task<DescribeVpcAttributeResponse> DescribeVpcAttributeAsync(RpcContext ctx)
    {
        var id = ctx.Required("VpcId", 64);
        var region = ctx.Region();
        var isDefault = ctx.OptionalBool("IsDefault");
        DryRun(ctx);
        return await ctx.Store.ReadAsync(async s =>
        {
            var vpc = await Find.VpcAsync(s, ctx, id, region.RegionId);
            if (isDefault == true)
                throw new EipException(EipError.NotFound("InvalidVpcId.NotFound", "default VPC", id)); // Eipnet makes no default VPC
            return VpcView.Attributes(ctx.RequestId, vpc, await VpcView.VSwitchIdsAsync(s, vpc));
        }, ctx.Cancellation);
    }

    public static async Task<DescribeVSwitchAttributesResponse> DescribeVSwitchAttributesAsync(RpcContext ctx)
    {
        var id = ctx.Required("VSwitchId", 64);
        var region = ctx.Region();
        DryRun(ctx);
        return await ctx.Store.ReadAsync(async s =>
        {
            var vsw = await Find.VSwitchAsync(s, ctx, id, region.RegionId);
            return new DescribeVSwitchAttributesResponse(ctx.RequestId, VpcView.Item(vsw, await VpcView.AvailableIpAddressCountAsync(s, vsw)));
        }, ctx.Cancellation);
    }

    // Filters DescribeVpcs and DescribeVSwitches share: tags, IsDefault, EnableIpv6, the owner, DryRun.
    private static void CommonFilters(RpcContext ctx, DocQuery query, string ownerParameter)
    {
        Tags.Filter(query, Tags.Read(ctx));
        if (ctx.OptionalBool("IsDefault") == true || ctx.OptionalBool("EnableIpv6") == true || !Owners.IsCaller(ctx, ownerParameter))
            query.AndIn("id", []); // nothing is a default, nothing has IPv6, another owner's resources are not visible
        DryRun(ctx);
    }

    /// <summary>DryRun=true checks the request and answers DryRunOperation instead of the result.</summary>
    private static void DryRun(RpcContext ctx)
    {
        if (ctx.OptionalBool("DryRun") == true)
            throw new EipException(EcsErrors.DryRunOperation());
    }
}
