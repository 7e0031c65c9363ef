using Eipnet.Api.Rpc;
using Eipnet.Contracts.Common;
using Eipnet.Domain.Addressing;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Resources;
using Eipnet.Store;
using Eipnet.Store.Queries;

namespace Eipnet.Api.Vpcs;

/// <summary>ModifyVpcAttribute and ModifyVSwitchAttribute. A name or description given empty is cleared.</summary>
public static class VpcAttributes
{
    public static async Task<RequestIdResponse> ModifyVpcAsync(RpcContext ctx)
    {
        var id = ctx.Required("VpcId", 64);
        var region = ctx.OptionalRegion();
        var name = ctx.TextOrCleared("VpcName", 1, 128);
        var description = ctx.TextOrCleared("Description", 1, 256);
        var cidr = VpcCidr.Read(ctx, "CidrBlock");
        var dnsHostname = ctx.OptionalBool("EnableDnsHostname");
        if (ctx.OptionalBool("EnableIPv6") == true)
            throw RpcContext.Invalid("EnableIPv6", VpcNetworking.NoIpv6);
        ctx.Refuse("Ipv6CidrBlock", VpcNetworking.NoIpv6);
        ctx.Refuse("Ipv6Isp", VpcNetworking.NoIpv6);

        return await ctx.Store.WriteAsync(WriteScope.Account(ctx.Account.AccountId, id), async s =>
        {
            var vpc = await Find.VpcAsync(s, ctx, id, region?.RegionId);
            if (cidr is { } wanted)
            {
                var vSwitches = (await s.ListAsync<VSwitch>(DocQuery.Where("vpc_id", vpc.VpcId)))
                    .Select(v => (v.VSwitchId, Ipv4Cidr.TryParse(v.CidrBlock, out var c) ? c.Value : default)).ToList();
                if (VpcCidrRules.CheckChange(wanted, vSwitches) is { } error)
                    throw new EipException(error);
            }
            await s.PutAsync(vpc with
            {
                VpcName = name ?? vpc.VpcName,
                Description = description ?? vpc.Description,
                CidrBlock = cidr?.ToString() ?? vpc.CidrBlock,
                DnsHostnameEnabled = dnsHostname ?? vpc.DnsHostnameEnabled,
            }, forDataPlane: cidr is not null);
            return new RequestIdResponse(ctx.RequestId);
        }, ctx.Cancellation);
    }

    public static async Task<RequestIdResponse> ModifyVSwitchAsync(RpcContext ctx)
    {
        var id = ctx.Required("VSwitchId", 64);
        var region = ctx.OptionalRegion();
        var name = ctx.TextOrCleared("VSwitchName", 1, 128);
        var description = ctx.TextOrCleared("Description", 1, 256);
        if (ctx.OptionalBool("EnableIPv6") == true)
            throw RpcContext.Invalid("EnableIPv6", VpcNetworking.NoIpv6);
        foreach (var ipv6 in new[] { "Ipv6CidrBlock", "Ipv6CidrMask", "VpcIpv6CidrBlock" })
            ctx.Refuse(ipv6, VpcNetworking.NoIpv6);

        return await ctx.Store.WriteAsync(WriteScope.Account(ctx.Account.AccountId, id), async s =>
        {
            var vsw = await Find.VSwitchAsync(s, ctx, id, region?.RegionId);
            await s.PutAsync(vsw with { VSwitchName = name ?? vsw.VSwitchName, Description = description ?? vsw.Description }, forDataPlane: false);
            return new RequestIdResponse(ctx.RequestId);
        }, ctx.Cancellation);
    }
}
