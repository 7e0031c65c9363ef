using System.Net;
using System.Net.Sockets;

namespace Eipnet.Api.Catalog;

// Inside the namespace: otherwise `Catalog` would bind to the namespace Eipnet.Api.Catalog, not the record.
using Eipnet.Domain.Catalog;

/// <summary>Checks a whole catalog and returns every problem found, in document order; empty means valid.</summary>
/// <remarks>The records are declared non-null, but a JSON file may omit any property, so every reference is
/// checked for null here rather than trusted.</remarks>
public static class CatalogValidator
{
    // Eipnet never hands out real public addresses (SPEC, "Test addresses and safety"): pools must lie in the
    // RFC 5737 documentation ranges, or in the RFC 2544 benchmarking range, which is big enough for the
    // control-plane benchmark and is meant only for use with the simulated data plane.
    private static readonly IPNetwork[] AllowedPoolRanges =
    [
        IPNetwork.Parse("192.0.2.0/24"),
        IPNetwork.Parse("198.51.100.0/24"),
        IPNetwork.Parse("203.0.113.0/24"),
        IPNetwork.Parse("198.18.0.0/15"),
    ];

    // The network and broadcast addresses of a pool are never handed out, so /31 and /32 pools would be empty.
    private const int LongestUsablePrefix = 30;

    public static IReadOnlyList<string> Validate(Catalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var problems = new List<string>();
        CheckRegions(catalog.Regions, problems);
        CheckInstanceTypes(catalog.InstanceTypes, problems);
        CheckPrices(catalog.Prices, problems);
        return problems;
    }

    private static void CheckPrices(Eipnet.Domain.Billing.PriceList? prices, List<string> problems)
    {
        if (prices is null)
            return; // the loader gives an absent Prices the defaults
        if (string.IsNullOrWhiteSpace(prices.Currency))
            problems.Add("Prices.Currency is empty; name the currency the prices are in (e.g. \"USD\").");
        foreach (var (name, value) in new[] { ("ConfigFeePerHour", prices.ConfigFeePerHour), ("TrafficPerGb", prices.TrafficPerGb), ("BandwidthPerMbpsHour", prices.BandwidthPerMbpsHour) })
        {
            if (value < 0)
                problems.Add($"Prices.{name} is {value}; a price cannot be negative.");
        }
    }

    private static void CheckRegions(IReadOnlyList<Region>? regions, List<string> problems)
    {
        if (regions is null or [])
        {
            problems.Add("Regions is missing or empty; at least one region is needed.");
            return;
        }

        var firstRegionIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        // Zone ids are global in Alibaba's scheme (they embed the region id), so they must be unique across regions.
        var firstZoneAt = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < regions.Count; i++)
        {
            var region = regions[i];
            var at = Label("Regions", i, region?.RegionId);
            if (region is null)
            {
                problems.Add($"{at} is null.");
                continue;
            }

            if (IsBlank(region.RegionId))
                problems.Add($"{at}: RegionId is missing.");
            else if (!firstRegionIndex.TryAdd(region.RegionId, i))
                problems.Add($"{at}: duplicate RegionId, already used by Regions[{firstRegionIndex[region.RegionId]}].");
            if (IsBlank(region.LocalName))
                problems.Add($"{at}: LocalName is missing.");
            if (IsBlank(region.RegionEndpoint))
                problems.Add($"{at}: RegionEndpoint is missing.");

            CheckZones(region.Zones, at, firstZoneAt, problems);
            CheckPools(region.EipPools, at, problems);
        }
    }

    private static void CheckZones(IReadOnlyList<Zone>? zones, string regionAt, Dictionary<string, string> firstZoneAt, List<string> problems)
    {
        if (zones is null or [])
        {
            problems.Add($"{regionAt}: has no zones; every region needs at least one, since VSwitches, ENIs and instances live in a zone.");
            return;
        }

        for (var j = 0; j < zones.Count; j++)
        {
            var zone = zones[j];
            var at = $"{regionAt}.{Label("Zones", j, zone?.ZoneId)}";
            if (zone is null)
            {
                problems.Add($"{at} is null.");
                continue;
            }

            if (IsBlank(zone.ZoneId))
                problems.Add($"{at}: ZoneId is missing.");
            else if (!firstZoneAt.TryAdd(zone.ZoneId, at))
                problems.Add($"{at}: duplicate ZoneId, already used by {firstZoneAt[zone.ZoneId]}.");
            if (IsBlank(zone.LocalName))
                problems.Add($"{at}: LocalName is missing.");
        }
    }

    private static void CheckPools(IReadOnlyList<string>? pools, string regionAt, List<string> problems)
    {
        if (pools is null)
        {
            problems.Add($"{regionAt}: EipPools is missing; use [] for a region that offers no EIPs.");
            return;
        }

        var accepted = new List<IPNetwork>();
        for (var j = 0; j < pools.Count; j++)
        {
            var pool = pools[j];
            var at = $"{regionAt}.EipPools[{j}] '{pool}'";
            if (!TryParseCanonicalIPv4Cidr(pool, out var network, out var hint))
            {
                problems.Add($"{at}: not an IPv4 CIDR in canonical form{hint}.");
                continue;
            }

            if (!AllowedPoolRanges.Any(range => range.Contains(network.BaseAddress) && network.PrefixLength >= range.PrefixLength))
            {
                problems.Add($"{at}: outside the allowed ranges 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 "
                    + "(documentation) and 198.18.0.0/15 (benchmark only); Eipnet never hands out real public addresses.");
                continue;
            }

            if (network.PrefixLength > LongestUsablePrefix)
                problems.Add($"{at}: has no usable address, because network and broadcast addresses are never handed out; use /{LongestUsablePrefix} or shorter.");

            // Regions are separate address spaces, but within one an address must belong to exactly one pool.
            var overlapping = accepted.FindIndex(other => other.Contains(network.BaseAddress) || network.Contains(other.BaseAddress));
            if (overlapping >= 0)
                problems.Add($"{at}: overlaps {accepted[overlapping]} in the same region.");
            accepted.Add(network);
        }
    }

    private static bool TryParseCanonicalIPv4Cidr(string? text, out IPNetwork network, out string hint)
    {
        hint = " such as 192.0.2.0/24";
        if (text is null || !IPNetwork.TryParse(text, out network) || network.BaseAddress.AddressFamily != AddressFamily.InterNetwork)
        {
            network = default;
            return false;
        }

        // IPNetwork.TryParse quietly clears host bits and accepts legacy forms ("10.1/16", "0x0a.0.0.0/8");
        // an operator who wrote 192.0.2.1/24 most likely meant something else, so say what it would become.
        if (!string.Equals(network.ToString(), text, StringComparison.Ordinal))
        {
            hint = $" (did you mean {network}?)";
            return false;
        }

        return true;
    }

    private static void CheckInstanceTypes(IReadOnlyList<InstanceTypeSpec>? types, List<string> problems)
    {
        if (types is null or [])
        {
            problems.Add("InstanceTypes is missing or empty; at least one instance type is needed.");
            return;
        }

        var firstTypeIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < types.Count; i++)
        {
            var type = types[i];
            var at = Label("InstanceTypes", i, type?.InstanceTypeId);
            if (type is null)
            {
                problems.Add($"{at} is null.");
                continue;
            }

            if (IsBlank(type.InstanceTypeId))
                problems.Add($"{at}: InstanceTypeId is missing.");
            else if (!firstTypeIndex.TryAdd(type.InstanceTypeId, i))
                problems.Add($"{at}: duplicate InstanceTypeId, already used by InstanceTypes[{firstTypeIndex[type.InstanceTypeId]}].");
            if (IsBlank(type.InstanceTypeFamily))
                problems.Add($"{at}: InstanceTypeFamily is missing.");
            if (type.CpuCoreCount < 1)
                problems.Add($"{at}: CpuCoreCount is {type.CpuCoreCount}; it must be at least 1.");
            if (!(type.MemorySize > 0))
                problems.Add($"{at}: MemorySize is {type.MemorySize}; it must be more than 0 GiB.");
            // The count includes the primary ENI, which every instance has.
            if (type.EniQuantity < 1)
                problems.Add($"{at}: EniQuantity is {type.EniQuantity}; it must be at least 1 (the primary ENI).");
            // Every ENI has a primary private IP.
            if (type.EniPrivateIpAddressQuantity < 1)
                problems.Add($"{at}: EniPrivateIpAddressQuantity is {type.EniPrivateIpAddressQuantity}; it must be at least 1 (the primary private IP).");
        }
    }

    private static string Label(string list, int index, string? id) =>
        IsBlank(id) ? $"{list}[{index}]" : $"{list}[{index}] '{id}'";

    private static bool IsBlank(string? value) => string.IsNullOrWhiteSpace(value);
}
