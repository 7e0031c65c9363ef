using Eipnet.Api.Rpc;
using Eipnet.Contracts.Vpcs;
using Eipnet.Domain.Addressing;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Resources;
using Eipnet.Store.Queries;

namespace Eipnet.Api.Vpcs;

/// <summary>DescribeVpcs and DescribeVSwitches.</summary>
public static class VpcQueries
{
    public static async Task<DescribeVpcsResponse> DescribeVpcsAsync(RpcContext ctx)
    {
        var region = ctx.Region();
        var ids = ctx.CommaList("VpcId", 20);
        var name = ctx.Text("VpcName", 1, 128);
        var isDefault = ctx.OptionalBool("IsDefault");
        var (page, size) = ctx.Page(50);
        var query = DocQuery.Where("account_id", ctx.Account.AccountId).And("region_id", region.RegionId).AndIf("name", name);
        if (ids is not null)
            query.AndIn("id", ids);
        if (isDefault == true)
            query.AndIn("id", []); // Eipnet makes no default VPC
        return await ctx.Store.ReadAsync(async s =>
        {
            var total = await s.CountAsync<Vpc>(query);
            var vpcs = await s.ListAsync<Vpc>(query.Paged(page, size));
            var items = new List<VpcItem>();
            foreach (var v in vpcs)
            {
                var vswitches = await s.ListAsync<VSwitch>(DocQuery.Where("vpc_id", v.VpcId));
                items.Add(new VpcItem
                {
                    VpcId = v.VpcId, VpcName = v.VpcName, RegionId = v.RegionId, Status = "Available", CidrBlock = v.CidrBlock,
                    Ipv6CidrBlock = "", VRouterId = v.VRouterId, Description = v.Description, IsDefault = false,
                    CreationTime = Times.Format(v.CreationTime), ResourceGroupId = "", OwnerId = Owners.NumericId(v.AccountId),
                    EnabledIpv6 = false, DhcpOptionsSetId = "", DhcpOptionsSetStatus = "", DnsHostnameStatus = "", CenStatus = "",
                    VSwitchIds = new VSwitchIdList(vswitches.Select(w => w.VSwitchId).ToList()),
                    RouterTableIds = new RouterTableIdList([v.RouteTableId]),
                    NatGatewayIds = new NatGatewayIdList([]), UserCidrs = new UserCidrList([]),
                    SecondaryCidrBlocks = new SecondaryCidrBlockList([]), Tags = new VpcTagList([]),
                });
            }
            return new DescribeVpcsResponse(ctx.RequestId, total, page, size, new VpcList(items));
        }, ctx.Cancellation);
    }

    public static async Task<DescribeVSwitchesResponse> DescribeVSwitchesAsync(RpcContext ctx)
    {
        var region = ctx.OptionalRegion();
        var vpcId = ctx.Optional("VpcId", 64);
        if (region is null && vpcId is null)
            throw new EipException(EipError.MissingParameter("RegionId"));
        var ids = ctx.CommaList("VSwitchId", 20);
        var zoneId = ctx.Optional("ZoneId", 64);
        var name = ctx.Text("VSwitchName", 1, 128);
        var isDefault = ctx.OptionalBool("IsDefault");
        var (page, size) = ctx.Page(50);
        var query = DocQuery.Where("account_id", ctx.Account.AccountId).AndIf("region_id", region?.RegionId)
            .AndIf("vpc_id", vpcId).AndIf("zone_id", zoneId).AndIf("name", name);
        if (ids is not null)
            query.AndIn("id", ids);
        if (isDefault == true)
            query.AndIn("id", []);
        return await ctx.Store.ReadAsync(async s =>
        {
            var total = await s.CountAsync<VSwitch>(query);
            var items = new List<VSwitchItem>();
            foreach (var v in await s.ListAsync<VSwitch>(query.Paged(page, size)))
            {
                Ipv4Cidr.TryParse(v.CidrBlock, out var cidr);
                var used = (await s.UsedPrivateIpsAsync(v.VSwitchId)).Count;
                items.Add(new VSwitchItem
                {
                    VSwitchId = v.VSwitchId, VpcId = v.VpcId, ZoneId = v.ZoneId, Status = "Available", CidrBlock = v.CidrBlock,
                    Ipv6CidrBlock = "", VSwitchName = v.VSwitchName, Description = v.Description, IsDefault = false,
                    AvailableIpAddressCount = VSwitchAddressing.Capacity(cidr!.Value) - used, CreationTime = Times.Format(v.CreationTime),
                    ResourceGroupId = "", OwnerId = Owners.NumericId(v.AccountId), NetworkAclId = "", ShareType = "", EnabledIpv6 = false,
                    RouteTable = new VSwitchRouteTable("vtb-" + v.VpcId["vpc-".Length..], "System"), Tags = new VpcTagList([]),
                });
            }
            return new DescribeVSwitchesResponse(ctx.RequestId, total, page, size, new VSwitchList(items));
        }, ctx.Cancellation);
    }
}
