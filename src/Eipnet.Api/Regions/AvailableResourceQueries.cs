using Eipnet.Api.Rpc;
using Eipnet.Contracts.Regions;
using Eipnet.Domain.Catalog;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Resources;

namespace Eipnet.Api.Regions;

/// <summary>ECS DescribeAvailableResource and DescribeZones, answered from the catalog: every zone of a region takes every
/// instance type of the catalog, VPC networking and a system disk of each category.</summary>
/// <remarks>A request for what Eipnet does not sell (spot instances, the classic network, data disks, dedicated hosts,
/// reserved instances) finds nothing, so a client picks no zone it could not use.</remarks>
public static class AvailableResourceQueries
{
    private static readonly string[] Destinations = ["Zone", "IoOptimized", "InstanceTypeFamily", "InstanceType", "SystemDisk", "DataDisk", "Network", "ddh"];

    public static Task<DescribeAvailableResourceResponse> DescribeAsync(RpcContext ctx)
    {
        var region = ctx.Region();
        var destination = ctx.OneOf("DestinationResource", Destinations) ?? throw new EipException(EipError.MissingParameter("DestinationResource"));
        var zoneId = ctx.Optional("ZoneId", 64);
        var instanceType = ctx.Optional("InstanceType", 64);
        ctx.OneOf("InstanceChargeType", "PrePaid", "PostPaid");
        var spot = ctx.OneOf("SpotStrategy", "NoSpot", "SpotWithPriceLimit", "SpotAsPriceGo") is "SpotWithPriceLimit" or "SpotAsPriceGo";
        var ioOptimized = ctx.OneOf("IoOptimized", "optimized", "none") ?? "optimized";
        var network = ctx.OneOf("NetworkCategory", "vpc", "classic") ?? "vpc";
        var resourceType = ctx.OneOf("ResourceType", "instance", "disk", "reservedinstance", "ddh") ?? "instance";
        var cores = ctx.OptionalInt("Cores", 1, 1024);
        var memory = ctx.Optional("Memory", 16) is { } m ? double.TryParse(m, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var gib)
            ? gib : throw RpcContext.Invalid("Memory", "it must be a number of GiB.") : (double?)null;
        var systemDisk = ctx.Optional("SystemDiskCategory", 64);
        var dataDisk = ctx.Optional("DataDiskCategory", 64);
        ctx.OneOf("Scope", "Region", "Zone");
        ctx.OptionalInt("SpotDuration", 0, 6);

        var types = ctx.Catalog.InstanceTypes.Where(t => (instanceType is null || t.InstanceTypeId == instanceType)
            && (cores is null || t.CpuCoreCount == cores) && (memory is null || Math.Abs(t.MemorySize - memory.Value) < 0.001)).ToList();
        var nothing = spot || network == "classic" || ioOptimized == "none" || resourceType is "reservedinstance" or "ddh" || dataDisk is not null
            || (systemDisk is not null && !SystemDisk.Categories.Contains(systemDisk)) || types.Count == 0 || destination is "DataDisk" or "ddh";
        var zones = nothing ? [] : region.Zones.Where(z => zoneId is null || z.ZoneId == zoneId)
            .Select(z => new AvailableZoneItem(region.RegionId, z.ZoneId, "Available", "WithStock",
                new AvailableResourceList([new AvailableResourceItem(destination, new SupportedResourceList(Values(destination, z, types)))])))
            .ToList();
        return Task.FromResult(new DescribeAvailableResourceResponse(ctx.RequestId, new AvailableZoneList(zones)));
    }

    public static Task<DescribeEcsZonesResponse> DescribeZonesAsync(RpcContext ctx)
    {
        var region = ctx.Region();
        ctx.OneOf("InstanceChargeType", "PrePaid", "PostPaid");
        var spot = ctx.OneOf("SpotStrategy", "NoSpot", "SpotWithPriceLimit", "SpotAsPriceGo") is "SpotWithPriceLimit" or "SpotAsPriceGo";
        ctx.OptionalBool("Verbose");
        RegionQueries.CheckLanguage(ctx);
        var types = spot ? [] : ctx.Catalog.InstanceTypes.Select(t => t.InstanceTypeId).ToList();
        var zones = region.Zones.Select(z => new EcsZoneItem(z.ZoneId, z.LocalName, "AvailabilityZone",
            new ZoneResourceTypes(spot ? ["VSwitch"] : ["Instance", "Disk", "VSwitch"]), new ZoneInstanceTypes(types),
            new ZoneDiskCategories(spot ? [] : SystemDisk.Categories), new ZoneVolumeCategories([]))).ToList();
        return Task.FromResult(new DescribeEcsZonesResponse(ctx.RequestId, new EcsZoneList(zones)));
    }

    private static IReadOnlyList<SupportedResourceItem> Values(string destination, Zone zone, IReadOnlyList<InstanceTypeSpec> types) => destination switch
    {
        "Zone" => [Available(zone.ZoneId)],
        "IoOptimized" => [Available("optimized")],
        "Network" => [Available("vpc")],
        "InstanceTypeFamily" => types.Select(t => t.InstanceTypeFamily).Distinct().Select(f => Available(f)).ToList(),
        "InstanceType" => types.Select(t => Available(t.InstanceTypeId)).ToList(),
        "SystemDisk" => SystemDisk.Categories.Select(c => Available(c, SystemDisk.MinSize, SystemDisk.MaxSize, "GiB")).ToList(),
        _ => [],
    };

    private static SupportedResourceItem Available(string value, int? min = null, int? max = null, string? unit = null) =>
        new(value, "Available", "WithStock", min, max, unit);
}
