using Eipnet.Domain.Billing;

namespace Eipnet.Domain.Catalog;

/// <summary>The operator-replaceable data: regions with their zones and EIP pools, instance types, and EIP prices.</summary>
public sealed record Catalog(IReadOnlyList<Region> Regions, IReadOnlyList<InstanceTypeSpec> InstanceTypes)
{
    /// <summary>The prices `eipnet admin bill` charges; <see cref="PriceList.Default"/> when the file has none.</summary>
    public PriceList Prices { get; init; } = PriceList.Default;

    public Region? FindRegion(string regionId) => Regions.FirstOrDefault(r => r.RegionId == regionId);

    public InstanceTypeSpec? FindInstanceType(string instanceTypeId) =>
        InstanceTypes.FirstOrDefault(t => t.InstanceTypeId == instanceTypeId);
}
