using Eipnet.Domain.Catalog;

namespace Eipnet.Api.Catalog;

/// <summary>The catalog the lab runs with: EIPs come from the lab's pools, in one region only.</summary>
/// <remarks>One host holds every EIP, and addresses are unique per region, so two regions drawing from one pool could hand
/// out the same address twice. The lab therefore offers EIPs in one region (cn-shanghai unless told otherwise: it offers all
/// three association modes) and none
/// elsewhere; everything else in the catalog is unchanged. The built-in pools include 203.0.113.0/24, which is the lab's
/// internet, so they cannot be used as they are.</remarks>
public static class LabCatalog
{
    public const string DefaultRegion = "cn-shanghai";

    public static Domain.Catalog.Catalog From(Domain.Catalog.Catalog catalog, IReadOnlyList<string> pools, string regionId = DefaultRegion)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (catalog.FindRegion(regionId) is null)
            throw new ArgumentException($"The catalog has no region '{regionId}' for the lab's EIPs.", nameof(regionId));
        return catalog with
        {
            Regions = catalog.Regions.Select(r => r with { EipPools = r.RegionId == regionId ? pools : [] }).ToList(),
        };
    }
}
