namespace Eipnet.Api.Tests.Catalog;

// Inside the namespace: otherwise `Catalog` would bind to the namespace Eipnet.Api.Tests.Catalog.
using Eipnet.Api.Catalog;
using Eipnet.Domain.Billing;

/// <summary>EIP prices in the catalog file (issue 13): operator-set, with defaults.</summary>
public sealed class CatalogPricesTests
{
    private static string CatalogWith(string prices) => $$"""
        {
          {{prices}}
          "Regions": [ { "RegionId": "cn-hangzhou", "LocalName": "Hangzhou", "RegionEndpoint": "vpc.cn-hangzhou.aliyuncs.com",
                         "Zones": [ { "ZoneId": "cn-hangzhou-h", "LocalName": "H" } ], "CutThroughSupported": true,
                         "MultiEipSupported": false, "EipPools": [ "198.51.100.0/24" ] } ],
          "InstanceTypes": [ { "InstanceTypeId": "ecs.g7.large", "InstanceTypeFamily": "ecs.g7", "CpuCoreCount": 2, "MemorySize": 8,
                               "EniQuantity": 3, "EniPrivateIpAddressQuantity": 6, "AttachRequiresStopped": false } ]
        }
        """;

    [Fact]
    public void LoadFile_UsesDefaultPrices_WhenTheFileHasNone()
    {
        using var file = new TempCatalogFile(CatalogWith(""));
        Assert.Equal(PriceList.Default, CatalogLoader.LoadFile(file.Path).Prices);
    }

    [Fact]
    public void LoadDefault_ShowsTheDefaultPrices_InTheEmbeddedFile() =>
        Assert.Equal(PriceList.Default, CatalogLoader.LoadDefault().Prices);

    [Fact]
    public void LoadFile_ReadsTheOperatorsPrices()
    {
        using var file = new TempCatalogFile(CatalogWith("""
            "Prices": { "Currency": "EUR", "ConfigFeePerHour": 0.02, "TrafficPerGb": 0.5, "BandwidthPerMbpsHour": 0.1 },
            """));
        Assert.Equal(new PriceList("EUR", 0.02m, 0.5m, 0.1m), CatalogLoader.LoadFile(file.Path).Prices);
    }

    [Fact]
    public void LoadFile_RejectsNegativePricesAndNoCurrency()
    {
        using var file = new TempCatalogFile(CatalogWith("""
            "Prices": { "Currency": "", "ConfigFeePerHour": -1, "TrafficPerGb": 0.5, "BandwidthPerMbpsHour": -0.1 },
            """));
        var e = Assert.Throws<CatalogException>(() => CatalogLoader.LoadFile(file.Path));
        Assert.Equal(3, e.Problems.Count);
        Assert.Contains(e.Problems, p => p.Contains("Prices.ConfigFeePerHour", StringComparison.Ordinal));
    }
}
