namespace Eipnet.Domain.Catalog;

/// <summary>The operator-replaceable data: regions with their zones and EIP pools, and instance types.</summary>
public sealed record Catalog(IReadOnlyList<Region> Regions, IReadOnlyList<InstanceTypeSpec> InstanceTypes)
{
    public Region? FindRegion(string regionId) => Regions.FirstOrDefault(r => r.RegionId == regionId);

    public InstanceTypeSpec? FindInstanceType(string instanceTypeId) =>
        InstanceTypes.FirstOrDefault(t => t.InstanceTypeId == instanceTypeId);
}
