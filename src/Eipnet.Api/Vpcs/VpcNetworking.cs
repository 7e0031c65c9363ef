using Eipnet.Api.Rpc;
using Eipnet.Contracts.Vpcs;
using Eipnet.Domain.Addressing;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Ids;
using Eipnet.Domain.Resources;
using Eipnet.Store;
using Eipnet.Store.Queries;

namespace Eipnet.Api.Vpcs;

/// <summary>CreateVpc, DeleteVpc, CreateVSwitch, DeleteVSwitch.</summary>
public static class VpcNetworking
{
    public const int VpcsPerRegion = 10, VSwitchesPerVpc = 150;

    // Blocks a VPC may not use (alibaba-api.md §1.9).
    private static readonly Ipv4Cidr[] Forbidden =
        new[] { "100.64.0.0/10", "224.0.0.0/4", "127.0.0.0/8", "169.254.0.0/16" }.Select(c => { Ipv4Cidr.TryParse(c, out var x); return x!.Value; }).ToArray();

    public static async Task<CreateVpcResponse> CreateVpcAsync(RpcContext ctx)
    {
        var region = ctx.Region();
        var cidrText = ctx.Optional("CidrBlock", 32) ?? "172.16.0.0/12";
        if (!Ipv4Cidr.TryParse(cidrText, out var cidr))
            throw new EipException(new EipError("InvalidCidrBlock.Malformed", $"The CidrBlock \"{cidrText}\" is not an IPv4 network in CIDR form such as 192.168.0.0/16.", 400));
        if (cidr.Value.PrefixLength is < 8 or > 28)
            throw RpcContext.Invalid("CidrBlock", "the mask must be from /8 to /28.");
        if (Forbidden.Any(f => f.Overlaps(cidr.Value)))
            throw RpcContext.Invalid("CidrBlock", "100.64.0.0/10, 224.0.0.0/4, 127.0.0.0/8 and 169.254.0.0/16 cannot be used.");
        var name = ctx.Text("VpcName", 1, 128) ?? "";
        var description = ctx.Text("Description", 1, 256) ?? "";
        ctx.OptionalBool("DryRun");

        return await ctx.Store.WriteAsync(WriteScope.Account(ctx.Account.AccountId), async s =>
        {
            var count = await s.CountAsync<Vpc>(DocQuery.Where("account_id", ctx.Account.AccountId).And("region_id", region.RegionId));
            if (count >= VpcsPerRegion)
                throw new EipException(new EipError("QuotaExceeded.Vpc", $"The account has {VpcsPerRegion} VPCs in {region.RegionId}, the quota.", 400));
            var vpc = new Vpc(ResourceIds.New(ResourceIds.Vpc), ctx.Account.AccountId, region.RegionId, cidr.Value.ToString(), name, description, ctx.Now);
            await s.PutAsync(vpc);
            return new CreateVpcResponse(ctx.RequestId, vpc.VpcId, vpc.VRouterId, vpc.RouteTableId, "");
        }, ctx.Cancellation);
    }

    public static async Task<Contracts.Common.RequestIdResponse> DeleteVpcAsync(RpcContext ctx)
    {
        var id = ctx.Required("VpcId", 64);
        var region = ctx.OptionalRegion();
        return await ctx.Store.WriteAsync(WriteScope.Account(ctx.Account.AccountId, id), async s =>
        {
            var vpc = await Find.VpcAsync(s, ctx, id, region?.RegionId);
            if (await s.CountAsync<VSwitch>(DocQuery.Where("vpc_id", vpc.VpcId)) > 0)
                throw new EipException(new EipError("DependencyViolation.VSwitch", $"The VPC {id} still has vSwitches; delete them first.", 400));
            if (await s.CountAsync<SecurityGroup>(DocQuery.Where("vpc_id", vpc.VpcId)) > 0)
                throw new EipException(new EipError("DependencyViolation.SecurityGroup", $"The VPC {id} still has security groups; delete them first.", 400));
            await s.DeleteAsync<Vpc>(id);
            return new Contracts.Common.RequestIdResponse(ctx.RequestId);
        }, ctx.Cancellation);
    }

    public static async Task<CreateVSwitchResponse> CreateVSwitchAsync(RpcContext ctx)
    {
        var region = ctx.OptionalRegion();
        var vpcId = ctx.Required("VpcId", 64);
        var zoneId = ctx.Required("ZoneId", 64);
        var cidrText = ctx.Required("CidrBlock", 32);
        if (!Ipv4Cidr.TryParse(cidrText, out var cidr))
            throw new EipException(new EipError("InvalidCidrBlock.Malformed", $"The CidrBlock \"{cidrText}\" is not an IPv4 network in CIDR form such as 192.168.1.0/24.", 400));
        if (cidr.Value.PrefixLength is < 16 or > 29)
            throw new EipException(new EipError("InvalidCirdrBlock.MaskLength", "The vSwitch mask must be from /16 to /29.", 400));
        var name = ctx.Text("VSwitchName", 1, 128) ?? "";
        var description = ctx.Text("Description", 1, 256) ?? "";

        return await ctx.Store.WriteAsync(WriteScope.Account(ctx.Account.AccountId, vpcId), async s =>
        {
            var vpc = await Find.VpcAsync(s, ctx, vpcId, region?.RegionId);
            var zone = ctx.Catalog.FindRegion(vpc.RegionId)!.Zones.FirstOrDefault(z => z.ZoneId == zoneId)
                ?? throw new EipException(EipError.NotFound("InvalidZoneId.NotFound", "zone", zoneId));
            Ipv4Cidr.TryParse(vpc.CidrBlock, out var vpcCidr);
            if (!vpcCidr!.Value.Contains(cidr.Value))
                throw RpcContext.Invalid("CidrBlock", $"{cidr} is not inside the VPC's {vpc.CidrBlock}.");
            var siblings = await s.ListAsync<VSwitch>(DocQuery.Where("vpc_id", vpc.VpcId));
            if (siblings.Count >= VSwitchesPerVpc)
                throw new EipException(new EipError("QuotaExceeded.VSwitch", $"The VPC {vpcId} has {VSwitchesPerVpc} vSwitches, the quota.", 400));
            var overlapping = siblings.FirstOrDefault(v => Ipv4Cidr.TryParse(v.CidrBlock, out var c) && c.Value.Overlaps(cidr.Value));
            if (overlapping is not null)
                throw new EipException(new EipError("InvalidCidrBlock.Overlapped", $"{cidr} overlaps {overlapping.CidrBlock} of vSwitch {overlapping.VSwitchId}.", 400));
            var vsw = new VSwitch(ResourceIds.New(ResourceIds.VSwitch), ctx.Account.AccountId, vpc.RegionId, vpc.VpcId, zone.ZoneId,
                cidr.Value.ToString(), name, description, ctx.Now);
            await s.PutAsync(vsw);
            return new CreateVSwitchResponse(ctx.RequestId, vsw.VSwitchId);
        }, ctx.Cancellation);
    }

    public static async Task<Contracts.Common.RequestIdResponse> DeleteVSwitchAsync(RpcContext ctx)
    {
        var id = ctx.Required("VSwitchId", 64);
        var region = ctx.OptionalRegion();
        return await ctx.Store.WriteAsync(WriteScope.Account(ctx.Account.AccountId, id), async s =>
        {
            var vsw = await Find.VSwitchAsync(s, ctx, id, region?.RegionId);
            if (await s.CountAsync<NetworkInterface>(DocQuery.Where("vswitch_id", vsw.VSwitchId)) > 0)
                throw new EipException(new EipError("DependencyViolation", $"The vSwitch {id} still has instances or network interfaces; delete them first.", 400));
            await s.DeleteAsync<VSwitch>(id);
            return new Contracts.Common.RequestIdResponse(ctx.RequestId);
        }, ctx.Cancellation);
    }
}
