namespace Eipnet.Api.Tests.Catalog;

// Inside the namespace: otherwise `Catalog` would bind to the namespace Eipnet.Api.Tests.Catalog.
using Eipnet.Api.Catalog;
using Eipnet.Domain.Catalog;

public sealed class CatalogLoaderTests
{
    private const string ValidCatalog = """
        {
          // Operators edit this file by hand, so comments and trailing commas are accepted.
          "Regions": [
            {
              "RegionId": "cn-hangzhou",
              "LocalName": "China (Hangzhou)",
              "RegionEndpoint": "vpc.cn-hangzhou.aliyuncs.com",
              "Zones": [ { "ZoneId": "cn-hangzhou-h", "LocalName": "Hangzhou Zone H" } ],
              "CutThroughSupported": true,
              "MultiEipSupported": false,
              "EipPools": [ "198.51.100.0/24", "198.18.0.0/15", ],
            },
          ],
          "InstanceTypes": [
            { "InstanceTypeId": "ecs.g7.large", "InstanceTypeFamily": "ecs.g7", "CpuCoreCount": 2, "MemorySize": 8,
              "EniQuantity": 3, "EniPrivateIpAddressQuantity": 6, "AttachRequiresStopped": false },
          ],
        }
        """;

    [Fact]
    public void LoadFile_ReadsEveryField_WhenFileIsValid()
    {
        using var file = new TempCatalogFile(ValidCatalog);

        var catalog = CatalogLoader.LoadFile(file.Path);

        var region = Assert.Single(catalog.Regions);
        Assert.Equal(
            new Region("cn-hangzhou", "China (Hangzhou)", "vpc.cn-hangzhou.aliyuncs.com", region.Zones, true, false, region.EipPools),
            region);
        Assert.Equal([new Zone("cn-hangzhou-h", "Hangzhou Zone H")], region.Zones);
        Assert.Equal(["198.51.100.0/24", "198.18.0.0/15"], region.EipPools);
        Assert.Equal([new InstanceTypeSpec("ecs.g7.large", "ecs.g7", 2, 8, 3, 6, false)], catalog.InstanceTypes);
    }

    [Fact]
    public void LoadFile_ReportsEveryProblemAtOnce_WhenFileHasManyFaults()
    {
        using var file = new TempCatalogFile("""
            {
              "Regions": [
                { "RegionId": "cn-hangzhou", "LocalName": "China (Hangzhou)", "RegionEndpoint": "vpc.cn-hangzhou.aliyuncs.com",
                  "Zones": [ { "ZoneId": "cn-hangzhou-h", "LocalName": "Hangzhou Zone H" },
                             { "ZoneId": "cn-hangzhou-h", "LocalName": "Hangzhou Zone H again" } ],
                  "CutThroughSupported": true, "MultiEipSupported": false,
                  "EipPools": [ "192.0.2.0/24", "not-a-cidr", "8.8.8.0/24" ] },
                { "RegionId": "cn-hangzhou", "LocalName": "Hangzhou again", "RegionEndpoint": "vpc.cn-hangzhou.aliyuncs.com",
                  "Zones": [], "CutThroughSupported": false, "MultiEipSupported": false, "EipPools": [] }
              ],
              "InstanceTypes": [
                { "InstanceTypeId": "ecs.g7.large", "InstanceTypeFamily": "ecs.g7", "CpuCoreCount": 2, "MemorySize": 8,
                  "EniQuantity": 0, "EniPrivateIpAddressQuantity": 0, "AttachRequiresStopped": false },
                { "InstanceTypeId": "ecs.g7.large", "InstanceTypeFamily": "ecs.g7", "CpuCoreCount": 2, "MemorySize": 8,
                  "EniQuantity": 3, "EniPrivateIpAddressQuantity": 6, "AttachRequiresStopped": false }
              ]
            }
            """);

        var error = Assert.Throws<CatalogException>(() => CatalogLoader.LoadFile(file.Path));

        Assert.Equal(file.Path, error.CatalogName);
        string[] expected =
        [
            "Regions[0] 'cn-hangzhou'.Zones[1] 'cn-hangzhou-h': duplicate ZoneId",
            "Regions[0] 'cn-hangzhou'.EipPools[1] 'not-a-cidr': not an IPv4 CIDR",
            "Regions[0] 'cn-hangzhou'.EipPools[2] '8.8.8.0/24': outside the allowed ranges",
            "Regions[1] 'cn-hangzhou': duplicate RegionId",
            "Regions[1] 'cn-hangzhou': has no zones",
            "InstanceTypes[0] 'ecs.g7.large': EniQuantity is 0",
            "InstanceTypes[0] 'ecs.g7.large': EniPrivateIpAddressQuantity is 0",
            "InstanceTypes[1] 'ecs.g7.large': duplicate InstanceTypeId",
        ];
        Assert.Equal(expected.Length, error.Problems.Count);
        Assert.All(expected.Zip(error.Problems), pair => Assert.StartsWith(pair.First, pair.Second, StringComparison.Ordinal));
        Assert.All(error.Problems, problem => Assert.Contains(problem, error.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{ "Regions": [ { "RegionId": "cn-hangzhou", """)]
    [InlineData("""{ "Regions": 5, "InstanceTypes": [] }""")]
    [InlineData("")]
    public void LoadFile_ThrowsCatalogException_WhenJsonIsMalformed(string json)
    {
        using var file = new TempCatalogFile(json);

        var error = Assert.Throws<CatalogException>(() => CatalogLoader.LoadFile(file.Path));

        Assert.Contains("not a readable catalog", Assert.Single(error.Problems), StringComparison.Ordinal);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(error.InnerException);
    }

    [Fact]
    public void LoadFile_ThrowsCatalogException_WhenPropertyNameIsMisspelt()
    {
        using var file = new TempCatalogFile(ValidCatalog.Replace("\"EipPools\"", "\"EipPool\"", StringComparison.Ordinal));

        var error = Assert.Throws<CatalogException>(() => CatalogLoader.LoadFile(file.Path));

        Assert.Contains("EipPool", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_ThrowsCatalogException_WhenDocumentIsNull()
    {
        using var file = new TempCatalogFile("null");

        var error = Assert.Throws<CatalogException>(() => CatalogLoader.LoadFile(file.Path));

        Assert.Contains("null", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_ReportsMissingProperties_InsteadOfReturningNulls()
    {
        using var file = new TempCatalogFile("""{ "Regions": [ { "RegionId": "cn-hangzhou" } ], "InstanceTypes": [ {} ] }""");

        var error = Assert.Throws<CatalogException>(() => CatalogLoader.LoadFile(file.Path));

        Assert.Equal(
            [
                "Regions[0] 'cn-hangzhou': LocalName is missing.",
                "Regions[0] 'cn-hangzhou': RegionEndpoint is missing.",
                "Regions[0] 'cn-hangzhou': has no zones; every region needs at least one, since VSwitches, ENIs and instances live in a zone.",
                "Regions[0] 'cn-hangzhou': EipPools is missing; use [] for a region that offers no EIPs.",
                "InstanceTypes[0]: InstanceTypeId is missing.",
                "InstanceTypes[0]: InstanceTypeFamily is missing.",
                "InstanceTypes[0]: CpuCoreCount is 0; it must be at least 1.",
                "InstanceTypes[0]: MemorySize is 0; it must be more than 0 GiB.",
                "InstanceTypes[0]: EniQuantity is 0; it must be at least 1 (the primary ENI).",
                "InstanceTypes[0]: EniPrivateIpAddressQuantity is 0; it must be at least 1 (the primary private IP).",
            ],
            error.Problems);
    }
}
