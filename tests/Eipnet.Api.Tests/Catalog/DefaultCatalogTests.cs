using System.Net;

namespace Eipnet.Api.Tests.Catalog;

// Inside the namespace: otherwise `Catalog` would bind to the namespace Eipnet.Api.Tests.Catalog.
using Eipnet.Api.Catalog;
using Eipnet.Domain.Catalog;

public sealed class DefaultCatalogTests
{
    private static readonly Catalog Default = CatalogLoader.LoadDefault();

    // Seed note, cut-through list, in the seed's order.
    private static readonly string[] SeedCutThroughRegions =
    [
        "cn-hangzhou",    // China (Hangzhou)
        "cn-shanghai",    // China (Shanghai)
        "cn-qingdao",     // China (Qingdao)
        "cn-beijing",     // China (Beijing)
        "cn-zhangjiakou", // China (Zhangjiakou)
        "cn-huhehaote",   // China (Hohhot)
        "cn-shenzhen",    // China (Shenzhen)
        "cn-chengdu",     // China (Chengdu)
        "ap-southeast-1", // Singapore (Singapore)
        "ap-southeast-5", // Indonesia (Jakarta)
        "eu-central-1",   // Germany (Frankfurt)
        "eu-west-1",      // UK (London)
        "us-east-1",      // US (Virginia)
    ];

    // Seed note, multi-EIP-to-ENI list, in the seed's order.
    private static readonly string[] SeedMultiEipRegions =
    [
        "cn-shenzhen",    // China (Shenzhen)
        "cn-shanghai",    // China (Shanghai)
        "cn-beijing",     // China (Beijing)
        "cn-zhangjiakou", // China (Zhangjiakou-Beijing Winter Olympics)
        "cn-chengdu",     // China (Chengdu)
        "ap-southeast-1", // Singapore
        "eu-central-1",   // Germany (Frankfurt)
        "ap-south-1",     // India (Mumbai)
        "us-east-1",      // US (Virginia)
        "eu-west-1",      // UK (London)
    ];

    private static readonly string[] DocumentationRanges = ["192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24"];

    [Fact]
    public void LoadDefault_ReturnsRegionsAndTypes_FromEmbeddedResource()
    {
        Assert.NotEmpty(Default.Regions);
        Assert.NotEmpty(Default.InstanceTypes);
        Assert.NotNull(Default.FindRegion("cn-hangzhou"));
    }

    [Fact]
    public void CutThrough_IsSupported_ExactlyInSeedRegions()
    {
        var actual = Default.Regions.Where(r => r.CutThroughSupported).Select(r => r.RegionId).Order();
        Assert.Equal(SeedCutThroughRegions.Order(), actual);
    }

    [Fact]
    public void MultiEip_IsSupported_ExactlyInSeedRegions()
    {
        var actual = Default.Regions.Where(r => r.MultiEipSupported).Select(r => r.RegionId).Order();
        Assert.Equal(SeedMultiEipRegions.Order(), actual);
    }

    [Fact]
    public void EveryRegion_HasTwoOrMoreZonesOfItsOwn_InDefaultCatalog()
    {
        Assert.All(Default.Regions, region =>
        {
            Assert.True(region.Zones.Count >= 2, $"{region.RegionId} has {region.Zones.Count} zone(s)");
            // Alibaba zone ids embed the region id: cn-hangzhou-h, ap-southeast-1a.
            Assert.All(region.Zones, zone => Assert.StartsWith(region.RegionId, zone.ZoneId, StringComparison.Ordinal));
        });
    }

    [Fact]
    public void EveryRegion_PoolsEachDocumentationRange_InDefaultCatalog()
    {
        // Regions are separate address spaces, so each may use all three ranges.
        Assert.All(Default.Regions, region => Assert.Equal(DocumentationRanges, region.EipPools.Order()));
    }

    [Fact]
    public void EveryPoolAddress_IsInDocumentationRange_InDefaultCatalog()
    {
        var ranges = DocumentationRanges.Select(IPNetwork.Parse).ToArray();
        var pools = Default.Regions.SelectMany(r => r.EipPools).Select(IPNetwork.Parse);
        Assert.All(pools, pool => Assert.Contains(ranges, range => range.Contains(pool.BaseAddress) && pool.PrefixLength >= range.PrefixLength));
    }

    [Fact]
    public void RegionEndpoint_NamesTheRegion_InDefaultCatalog()
    {
        Assert.All(Default.Regions, region => Assert.Equal($"vpc.{region.RegionId}.aliyuncs.com", region.RegionEndpoint));
    }

    // alibaba-api.md §4.5 and SPEC.md "Resources and ids", one row per table line, in the same order.
    public static TheoryData<string, int, int, bool> DocumentedEniLimits => new()
    {
        // type                  ENIs  IPs per ENI  attach needs Stopped
        { "ecs.g6.large",         2,    6,          false },
        { "ecs.g6.xlarge",        3,    10,         false },
        { "ecs.g6.4xlarge",       8,    20,         false },
        { "ecs.g6.26xlarge",      15,   20,         false },
        { "ecs.g7.large",         3,    6,          false },
        { "ecs.g7.xlarge",        4,    15,         false },
        { "ecs.g7.4xlarge",       8,    30,         false },
        { "ecs.g7.32xlarge",      15,   30,         false },
        { "ecs.g5.large",         2,    6,          false },
        { "ecs.c6.large",         2,    6,          false },
        { "ecs.t5-lc2m1.nano",    2,    2,          true },
    };

    [Theory, MemberData(nameof(DocumentedEniLimits))]
    public void InstanceType_HasDocumentedEniLimits_InDefaultCatalog(string typeId, int enis, int ipsPerEni, bool attachRequiresStopped)
    {
        var type = Default.FindInstanceType(typeId);
        Assert.NotNull(type);
        Assert.Equal((enis, ipsPerEni, attachRequiresStopped), (type.EniQuantity, type.EniPrivateIpAddressQuantity, type.AttachRequiresStopped));
    }

    [Fact]
    public void AttachRequiresStopped_IsSetOnlyOnT5_InDefaultCatalog()
    {
        Assert.Equal(["ecs.t5-lc2m1.nano"], Default.InstanceTypes.Where(t => t.AttachRequiresStopped).Select(t => t.InstanceTypeId));
    }
}
