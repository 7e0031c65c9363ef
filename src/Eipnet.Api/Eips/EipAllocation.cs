using Eipnet.Api.Rpc;
using Eipnet.Contracts.Common;
using Eipnet.Contracts.Eips;
using Eipnet.Domain.Addressing;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Ids;
using Eipnet.Domain.Resources;
using Eipnet.Store;
using Eipnet.Store.Queries;

namespace Eipnet.Api.Eips;

/// <summary>AllocateEipAddress, ReleaseEipAddress and ModifyEipAddressAttribute.</summary>
public static class EipAllocation
{
    // BGP_PRO is sold only in these regions (alibaba-api.md §1.1).
    private static readonly HashSet<string> BgpProRegions =
        ["cn-hongkong", "ap-southeast-1", "ap-northeast-1", "ap-southeast-3", "ap-southeast-6", "ap-southeast-5", "ap-southeast-7"];

    public static async Task<AllocateEipAddressResponse> AllocateAsync(RpcContext ctx)
    {
        var region = ctx.Region();
        var instanceCharge = ctx.OneOf("InstanceChargeType", "PostPaid", "PrePaid") ?? "PostPaid";
        var internetCharge = ctx.OneOf("InternetChargeType", "PayByBandwidth", "PayByTraffic") ?? "PayByBandwidth";
        if (instanceCharge == "PrePaid")
            internetCharge = "PayByBandwidth"; // subscriptions always pay by bandwidth
        var bandwidth = Bandwidth(ctx, instanceCharge, internetCharge) ?? 5;
        var isp = ctx.OneOf("ISP", "BGP", "BGP_PRO") ?? "BGP";
        if (isp == "BGP_PRO" && !BgpProRegions.Contains(region.RegionId))
            throw RpcContext.Invalid("ISP", $"BGP_PRO is not offered in {region.RegionId}.");
        ctx.OneOf("Netmode", "public");
        // What Eipnet does not have is refused rather than dropped (Terraform would read back a value it did not set).
        if (ctx.RepeatList("SecurityProtectionTypes", 10).Count > 0)
            throw RpcContext.Invalid("SecurityProtectionTypes", "Eipnet has no Anti-DDoS editions; leave it out.");
        ctx.Refuse("PublicIpAddressPoolId", "Eipnet has no customer address pools; leave it out (IpAddress picks an address of the region's pool).");
        ctx.Refuse("Zone", "Eipnet's EIPs are regional; leave it out.");
        var name = ctx.Text("Name", 0, 128) ?? "";
        var description = ctx.Text("Description", 0, 256) ?? "";
        var requested = ctx.OptionalIpv4("IpAddress")?.ToString();
        var tags = Tags.Read(ctx);
        var resourceGroupId = ResourceGroupParameter.Read(ctx) ?? "";
        if (EipPools.CheckOffered(ctx.Catalog, region.RegionId) is { } notOffered)
            throw new EipException(notOffered);
        var pools = EipPools.Parse(region.EipPools);

        return await ctx.Store.WriteAsync(WriteScope.Account(ctx.Account.AccountId), async s =>
        {
            var owned = await s.CountAsync<Eip>(DocQuery.Where("account_id", ctx.Account.AccountId));
            if (owned >= (await Find.AccountAsync(s, ctx)).EipQuota)
                throw new EipException(new EipError("QuotaExceeded.Eip", $"The account already has {owned} EIPs, its quota. Release unused EIPs or ask the operator to raise the quota ('eipnet admin quota set ACCOUNT eips N').", 400));
            var address = requested is null
                ? await PickAddressAsync(s, region.RegionId, pools)
                : await ReserveAsync(s, region.RegionId, pools, requested);
            var eip = new Eip(
                ResourceIds.New(ResourceIds.Eip), ctx.Account.AccountId, region.RegionId, address, EipStatus.Available,
                bandwidth, internetCharge, instanceCharge, isp, name, description, ctx.Now, null, await s.RevisionAsync())
            {
                Tags = tags, ResourceGroupId = resourceGroupId,
            };
            await s.PutAsync(eip);
            return new AllocateEipAddressResponse(ctx.RequestId, eip.AllocationId, eip.IpAddress, eip.ResourceGroupId);
        }, ctx.Cancellation);
    }

    private static async Task<string> ReserveAsync(IStoreSession s, string regionId, EipPools pools, string requested)
    {
        Ipv4Cidr.TryParseAddress(requested, out var n);
        if (!pools.IsAllocatable(n) || await s.EipAddressTakenAsync(regionId, requested))
            throw new EipException(new EipError("ReserveIpFail", $"The address {requested} could not be reserved: it is taken or not in the region's EIP pools.", 400));
        return requested;
    }

    private static async Task<string> PickAddressAsync(IStoreSession s, string regionId, EipPools pools)
    {
        // Random probes find a free address in O(1) while pools are not nearly full; a full scan settles the rest.
        for (var i = 0; i < 32; i++)
        {
            var candidate = Ipv4Cidr.Format(pools.RandomAddress(Random.Shared));
            if (!await s.EipAddressTakenAsync(regionId, candidate))
                return candidate;
        }
        var used = (await s.EipAddressesAsync(regionId)).ToHashSet(StringComparer.Ordinal);
        foreach (var a in pools.AllAllocatable())
        {
            var candidate = Ipv4Cidr.Format(a);
            if (!used.Contains(candidate))
                return candidate;
        }
        throw new EipException(EipError.EipPoolExhausted(regionId));
    }

    public static async Task<RequestIdResponse> ReleaseAsync(RpcContext ctx)
    {
        var id = ctx.Required("AllocationId", 64);
        var region = ctx.OptionalRegion();
        return await ctx.Store.WriteAsync(WriteScope.Account(ctx.Account.AccountId, id), async s =>
        {
            var eip = await Find.EipAsync(s, ctx, id, region?.RegionId);
            if (EipRelease.Check(eip) is { } refused)
                throw new EipException(refused);
            await s.DeleteAsync<Eip>(id);
            return new RequestIdResponse(ctx.RequestId);
        }, ctx.Cancellation);
    }

    public static async Task<RequestIdResponse> ModifyAttributeAsync(RpcContext ctx)
    {
        var id = ctx.Required("AllocationId", 64);
        var region = ctx.OptionalRegion();
        // An empty Name or Description clears it, as Alibaba's does (Terraform sends "" when a user removes one).
        var name = ctx.TextOrCleared("Name", 0, 128);
        var description = ctx.TextOrCleared("Description", 0, 256);
        return await ctx.Store.WriteAsync(WriteScope.Account(ctx.Account.AccountId, id), async s =>
        {
            var eip = await Find.EipAsync(s, ctx, id, region?.RegionId);
            if (Transitions.IsTransitional(eip.Status))
                throw new EipException(EipError.IncorrectEipStatus(id, eip.Status.ToString(), "Available or InUse"));
            var bandwidth = Bandwidth(ctx, eip.InstanceChargeType, eip.InternetChargeType);
            var updated = eip with { Bandwidth = bandwidth ?? eip.Bandwidth, Name = name ?? eip.Name, Description = description ?? eip.Description };
            await s.PutAsync(updated, forDataPlane: updated.Bandwidth != eip.Bandwidth);
            return new RequestIdResponse(ctx.RequestId);
        }, ctx.Cancellation);
    }

    /// <summary>Bandwidth in Mbit/s within the limits of the billing method (alibaba-api.md §1.1).</summary>
    private static int? Bandwidth(RpcContext ctx, string instanceCharge, string internetCharge)
    {
        var max = instanceCharge == "PrePaid" ? 1000 : internetCharge == "PayByTraffic" ? 200 : 500;
        return ctx.OptionalInt("Bandwidth", 1, max);
    }
}
