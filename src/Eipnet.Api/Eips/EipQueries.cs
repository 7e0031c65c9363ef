using Eipnet.Api.Rpc;
using Eipnet.Contracts.Eips;
using Eipnet.Domain.Addressing;
using Eipnet.Domain.Associations;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Resources;
using Eipnet.Store.Queries;

namespace Eipnet.Api.Eips;

/// <summary>DescribeEipAddresses and DescribeEipGatewayInfo.</summary>
public static class EipQueries
{
    public static async Task<DescribeEipAddressesResponse> DescribeAsync(RpcContext ctx)
    {
        var region = ctx.Region();
        var ids = ctx.CommaList("AllocationId", 50);
        var addresses = ctx.CommaList("EipAddress", 50);
        var associatedType = ctx.Optional("AssociatedInstanceType", 32);
        if (associatedType is not (null or "EcsInstance" or "SlbInstance" or "Nat" or "HaVip" or "NetworkInterface" or "IpAddress"))
            throw new EipException(new EipError("InvalidIAssociatedInstanceType.ValueNotSupported", $"The AssociatedInstanceType \"{associatedType}\" is not supported.", 400));
        var associatedId = ctx.Optional("AssociatedInstanceId", 64);
        var status = ctx.OneOf("Status", "Associating", "Unassociating", "InUse", "Available", "Releasing");
        var chargeType = ctx.Optional("ChargeType", 32);
        if (chargeType is not (null or "PostPaid" or "PrePaid"))
            throw new EipException(new EipError("InvalidChargeType.ValueNotSupported", $"The ChargeType \"{chargeType}\" is not supported; use PostPaid or PrePaid.", 400));
        var lockReason = ctx.Optional("LockReason", 32);
        if (lockReason is not (null or "financial" or "security"))
            throw new EipException(new EipError("InvalidLockReason.NotFound", $"The LockReason \"{lockReason}\" does not exist; use financial or security.", 404));
        var isp = ctx.Optional("ISP", 32);
        var name = ctx.Text("EipName", 1, 128);
        var (page, size) = ctx.Page(100);
        var tags = Tags.Read(ctx);
        ctx.OptionalBool("IncludeReservationData");
        if (ctx.Parameters.Any(p => p.Key.StartsWith("Filter.", StringComparison.Ordinal) && p.Value.Length > 0))
            throw RpcContext.Invalid("Filter", "Eipnet does not filter EIPs by creation or expiry time; leave Filter.N out.");
        // What Eipnet's EIPs never have (customer pools, Anti-DDoS, segments, service management): asked for, nothing matches.
        var matchNothing = ctx.Optional("PublicIpAddressPoolId", 64) is not null || ctx.OptionalBool("SecurityProtectionEnabled") == true
            || ctx.Optional("SegmentInstanceId", 64) is not null || ctx.OptionalBool("ServiceManaged") == true;
        if (ctx.OptionalBool("DryRun") == true)
            throw new EipException(EcsErrors.DryRunOperation());

        var query = DocQuery.Where("account_id", ctx.Account.AccountId).And("region_id", region.RegionId)
            .AndIf("status", status).AndIf("instance_type", associatedType).AndIf("instance_id", associatedId)
            .AndIf("charge_type", chargeType).AndIf("isp", isp).AndIf("name", name).AndIf("resource_group_id", ResourceGroupParameter.Read(ctx));
        if (ids is not null)
            query.AndIn("id", ids);
        if (addresses is not null)
            query.AndIn("ip_address", addresses);
        // Eipnet never locks an EIP, and releases at once: these filters match nothing.
        if (lockReason is not null || status == "Releasing" || matchNothing)
            query.AndIn("id", []);

        var (total, eips) = await ctx.Store.ReadAsync(async s =>
        {
            if (tags.Count == 0)
                return (await s.CountAsync<Eip>(query), await s.ListAsync<Eip>(query.Paged(page, size)));
            // Tags live in the document: filter the account's matches in memory, then page.
            var matching = (await s.ListAsync<Eip>(query)).Where(e => Tags.Match(e.Tags, tags)).ToList();
            return ((long)matching.Count, (IReadOnlyList<Eip>)matching.Skip((page - 1) * size).Take(size).ToList());
        }, ctx.Cancellation);
        return new DescribeEipAddressesResponse(ctx.RequestId, total, page, size, new EipAddressList(eips.Select(EipView.ToItem).ToList()));
    }

    public static async Task<DescribeEipGatewayInfoResponse> GatewayInfoAsync(RpcContext ctx)
    {
        var region = ctx.Region();
        var eniId = ctx.Required("InstanceId", 64);
        var pools = EipPools.Parse(region.EipPools);
        var eips = await ctx.Store.ReadAsync(async s =>
        {
            await Find.EniAsync(s, ctx, eniId, region.RegionId, "InvalidInstanceId.NotFound");
            return await s.ListAsync<Eip>(DocQuery.Where("eni_id", eniId).And("mode", AssociationMode.MultiBinded.ToWire()));
        }, ctx.Cancellation);
        var infos = eips.Select(e =>
        {
            Ipv4Cidr.TryParseAddress(e.IpAddress, out var address);
            var pool = pools.PoolOf(address)!.Value;
            return new EipGatewayInfo(e.IpAddress, Ipv4Cidr.Format(pool.Network + 1), Ipv4Cidr.Format(pool.Mask));
        }).ToList();
        return new DescribeEipGatewayInfoResponse(ctx.RequestId, "200", "successful", new EipGatewayInfoList(infos));
    }
}
