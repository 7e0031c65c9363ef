using Eipnet.Domain.Hosts;
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

    public const string NoIpv6 = "Eipnet has no IPv6; leave it out.";

    public static async Task<CreateVpcResponse> CreateVpcAsync(RpcContext ctx)
    {
        var region = ctx.Region();
        var cidr = VpcCidr.Read(ctx, "CidrBlock") ?? VpcCidr.Default;
        var name = ctx.Text("VpcName", 1, 128) ?? "";
        var description = ctx.Text("Description", 1, 256) ?? "";
        var resourceGroupId = ResourceGroupParameter.Read(ctx) ?? "";
        var tags = Tags.Read(ctx);
        var dnsHostname = ctx.OptionalBool("EnableDnsHostname") ?? false;
        if (ctx.OptionalBool("EnableIpv6") == true)
            throw RpcContext.Invalid("EnableIpv6", NoIpv6);
        foreach (var ipv6 in new[] { "Ipv6CidrBlock", "Ipv6Isp", "Ipv6CidrMask", "Ipv6IpamPoolId" })
            ctx.Refuse(ipv6, NoIpv6);
        ctx.Refuse("UserCidr", "Eipnet has no user CIDR blocks; leave it out.");
        foreach (var ipam in new[] { "Ipv4IpamPoolId", "Ipv4CidrMask" })
            ctx.Refuse(ipam, "Eipnet has no IPAM pools; give CidrBlock instead.");
        var dryRun = ctx.OptionalBool("DryRun") ?? false;

        return await ctx.Store.WriteAsync(WriteScope.Account(ctx.Account.AccountId), async s =>
        {
            var count = await s.CountAsync<Vpc>(DocQuery.Where("account_id", ctx.Account.AccountId).And("region_id", region.RegionId));
            if (count >= VpcsPerRegion)
                throw new EipException(new EipError("QuotaExceeded.Vpc", $"The account has {VpcsPerRegion} VPCs in {region.RegionId}, the quota.", 400));
            if (dryRun)
                throw new EipException(EcsErrors.DryRunOperation());
            var vpc = new Vpc(ResourceIds.New(ResourceIds.Vpc), ctx.Account.AccountId, region.RegionId, cidr.ToString(), name, description, ctx.Now)
            {
                Tags = tags, ResourceGroupId = resourceGroupId, DnsHostnameEnabled = dnsHostname,
                Vni = Overlay.VniForRevision(await s.RevisionAsync()),
            };
            await s.PutAsync(vpc);
            return new CreateVpcResponse(ctx.RequestId, vpc.VpcId, vpc.VRouterId, vpc.RouteTableId, vpc.ResourceGroupId);
        }, ctx.Cancellation);
    }

    public static async Task<Contracts.Common.RequestIdResponse> DeleteVpcAsync(RpcContext ctx)
    {
        var id = ctx.Required("VpcId", 64);
        var region = ctx.OptionalRegion();
        var dryRun = ctx.OptionalBool("DryRun") ?? false;
        // ForceDelete lets Alibaba delete a VPC that still has IPv4/IPv6 gateways; Eipnet has none, so it changes nothing.
        ctx.OptionalBool("ForceDelete");
        return await ctx.Store.WriteAsync(WriteScope.Account(ctx.Account.AccountId, id), async s =>
        {
            var vpc = await Find.VpcAsync(s, ctx, id, region?.RegionId);
            if (await s.CountAsync<VSwitch>(DocQuery.Where("vpc_id", vpc.VpcId)) > 0)
                throw new EipException(new EipError("DependencyViolation.VSwitch", $"The VPC {id} still has vSwitches; delete them first.", 400));
            if (await s.CountAsync<SecurityGroup>(DocQuery.Where("vpc_id", vpc.VpcId)) > 0)
                throw new EipException(new EipError("DependencyViolation.SecurityGroup", $"The VPC {id} still has security groups; delete them first.", 400));
            if (dryRun)
                throw new EipException(EcsErrors.DryRunOperation());
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
        var tags = Tags.Read(ctx);
        foreach (var ipv6 in new[] { "Ipv6CidrBlock", "Ipv6CidrMask", "VpcIpv6CidrBlock" })
            ctx.Refuse(ipv6, NoIpv6);
        ctx.Refuse("CidrMask", "Eipnet has no IPAM pools; give CidrBlock instead.");

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
                cidr.Value.ToString(), name, description, ctx.Now) { Tags = tags, ResourceGroupId = vpc.ResourceGroupId };
            await s.PutAsync(vsw);
            return new CreateVSwitchResponse(ctx.RequestId, vsw.VSwitchId);
        }, ctx.Cancellation);
    }

    public static async Task<Contracts.Common.RequestIdResponse> DeleteVSwitchAsync(RpcContext ctx)
    {
        var id = ctx.Required("VSwitchId", 64);
        var region = ctx.OptionalRegion();
        var dryRun = ctx.OptionalBool("DryRun") ?? false;
        return await ctx.Store.WriteAsync(WriteScope.Account(ctx.Account.AccountId, id), async s =>
        {
            var vsw = await Find.VSwitchAsync(s, ctx, id, region?.RegionId);
            if (await s.CountAsync<NetworkInterface>(DocQuery.Where("vswitch_id", vsw.VSwitchId)) > 0)
                throw new EipException(new EipError("DependencyViolation", $"The vSwitch {id} still has instances or network interfaces; delete them first.", 400));
            if (dryRun)
                throw new EipException(EcsErrors.DryRunOperation());
            await s.DeleteAsync<VSwitch>(id);
            return new Contracts.Common.RequestIdResponse(ctx.RequestId);
        }, ctx.Cancellation);
    }
}
