using Eipnet.Api.Rpc;
using Eipnet.Contracts.Regions;
using Eipnet.Domain.Errors;

namespace Eipnet.Api.Regions;

/// <summary>DescribeRegions (VPC and ECS) and DescribeZones (VPC), answered from the catalog.</summary>
/// <remarks>The catalog has one LocalName per region and zone; it is shown whatever AcceptLanguage asks for.</remarks>
public static class RegionQueries
{
    private static readonly string[] Languages = ["zh-CN", "en-US", "ja"];

    public static Task<DescribeRegionsResponse> DescribeVpcRegionsAsync(RpcContext ctx)
    {
        CheckLanguage(ctx);
        var regions = ctx.Catalog.Regions.Select(r => new RegionItem(r.RegionId, r.LocalName, r.RegionEndpoint, null)).ToList();
        return Task.FromResult(new DescribeRegionsResponse(ctx.RequestId, new RegionList(regions)));
    }

    public static Task<DescribeRegionsResponse> DescribeEcsRegionsAsync(RpcContext ctx)
    {
        CheckLanguage(ctx);
        ctx.OneOf("InstanceChargeType", "PrePaid", "PostPaid", "SpotWithPriceLimit", "SpotAsPriceGo");
        var regions = ctx.Catalog.Regions
            .Select(r => new RegionItem(r.RegionId, r.LocalName, $"ecs.{r.RegionId}.aliyuncs.com", "available")).ToList();
        return Task.FromResult(new DescribeRegionsResponse(ctx.RequestId, new RegionList(regions)));
    }

    public static Task<DescribeZonesResponse> DescribeZonesAsync(RpcContext ctx)
    {
        var region = ctx.Region();
        var zoneType = ctx.OneOf("ZoneType", "AvailabilityZone", "EdgeZone") ?? "AvailabilityZone";
        CheckLanguage(ctx);
        // Every catalog zone is an availability zone; Eipnet has no edge zones.
        var zones = zoneType == "AvailabilityZone"
            ? region.Zones.Select(z => new ZoneItem(z.ZoneId, z.LocalName, "AvailabilityZone")).ToList()
            : [];
        return Task.FromResult(new DescribeZonesResponse(ctx.RequestId, new ZoneList(zones)));
    }

    /// <summary>zh-CN, en-US or ja in any case (the VPC API documents lower case, ECS mixed case).</summary>
    internal static void CheckLanguage(RpcContext ctx)
    {
        var language = ctx.Optional("AcceptLanguage", 16);
        if (language is not null && !Languages.Contains(language, StringComparer.OrdinalIgnoreCase))
            throw new EipException(new EipError("InvalidAcceptLanguage.NotFound", $"The AcceptLanguage \"{language}\" is not supported; use zh-CN, en-US or ja.", 404));
    }
}
