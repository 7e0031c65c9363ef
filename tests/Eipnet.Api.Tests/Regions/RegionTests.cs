using System.Text.Json;
using Eipnet.Api.Tests.Infrastructure;
using Eipnet.Api.Tests.SecurityGroups;

namespace Eipnet.Api.Tests.Regions;

public sealed class RegionTests(SharedServer shared) : IClassFixture<SharedServer>
{
    // The seed's lists (reference/seed-eip-eni-overview.txt): regions offering cut-through and multi-EIP-to-ENI mode.
    private static readonly string[] CutThroughRegions =
    [
        "cn-hangzhou", "cn-shanghai", "cn-qingdao", "cn-beijing", "cn-zhangjiakou", "cn-huhehaote", "cn-shenzhen", "cn-chengdu",
        "ap-southeast-1", "ap-southeast-5", "eu-central-1", "eu-west-1", "us-east-1",
    ];

    private static readonly string[] MultiEipRegions =
    [
        "cn-shenzhen", "cn-shanghai", "cn-beijing", "cn-zhangjiakou", "cn-chengdu", "ap-southeast-1", "eu-central-1", "ap-south-1",
        "us-east-1", "eu-west-1",
    ];

    private TestServer Server => shared.Server;

    [Fact]
    public async Task VpcDescribeRegions_ListsCatalogRegions_IncludingTheSeedsCutThroughAndMultiEipRegions()
    {
        var c = await Server.NewClientAsync();
        var regions = Items((await c.Vpc("DescribeRegions")).Success(), "Regions", "Region");

        var ids = regions.Select(r => r.GetProperty("RegionId").GetString()!).ToList();
        Assert.All(CutThroughRegions.Concat(MultiEipRegions), seed => Assert.Contains(seed, ids));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var hangzhou = regions.Single(r => r.GetProperty("RegionId").GetString() == "cn-hangzhou");
        Assert.Equal("China (Hangzhou)", hangzhou.GetProperty("LocalName").GetString());
        Assert.Equal("vpc.cn-hangzhou.aliyuncs.com", hangzhou.GetProperty("RegionEndpoint").GetString());
        Assert.False(hangzhou.TryGetProperty("Status", out _));
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    [InlineData("en-us")]
    public async Task DescribeRegions_Answers_ForEachSupportedLanguage(string language)
    {
        var c = await Server.NewClientAsync();
        Assert.NotEmpty(Items((await c.Vpc("DescribeRegions", ("AcceptLanguage", language))).Success(), "Regions", "Region"));
        Assert.NotEmpty(Items((await c.Ecs("DescribeRegions", ("AcceptLanguage", language))).Success(), "Regions", "Region"));
    }

    [Fact]
    public async Task DescribeRegions_RejectsWithLanguageNotFound_WhenLanguageUnknown()
    {
        var c = await Server.NewClientAsync();
        (await c.Vpc("DescribeRegions", ("AcceptLanguage", "fr-FR"))).Error("InvalidAcceptLanguage.NotFound", 404);
        (await c.Ecs("DescribeRegions", ("AcceptLanguage", "fr-FR"))).Error("InvalidAcceptLanguage.NotFound", 404);
    }

    [Fact]
    public async Task EcsDescribeRegions_ListsRegionsWithEcsEndpointAndAvailableStatus()
    {
        var c = await Server.NewClientAsync();
        var vpcIds = Items((await c.Vpc("DescribeRegions")).Success(), "Regions", "Region").Select(r => r.GetProperty("RegionId").GetString());
        var regions = Items((await c.Ecs("DescribeRegions")).Success(), "Regions", "Region");

        Assert.Equal(vpcIds, regions.Select(r => r.GetProperty("RegionId").GetString()));
        Assert.All(regions, r =>
        {
            Assert.Equal($"ecs.{r.GetProperty("RegionId").GetString()}.aliyuncs.com", r.GetProperty("RegionEndpoint").GetString());
            Assert.Equal("available", r.GetProperty("Status").GetString());
            Assert.False(string.IsNullOrEmpty(r.GetProperty("LocalName").GetString()));
        });
    }

    [Fact]
    public async Task VpcDescribeZones_ListsTheRegionsAvailabilityZones()
    {
        var c = await Server.NewClientAsync();
        var zones = Items((await c.Vpc("DescribeZones", ("RegionId", "cn-hangzhou"))).Success(), "Zones", "Zone");

        Assert.Equal(8, zones.Length);
        Assert.Contains(zones, z => z.GetProperty("ZoneId").GetString() == "cn-hangzhou-b");
        Assert.All(zones, z =>
        {
            Assert.StartsWith("cn-hangzhou-", z.GetProperty("ZoneId").GetString());
            Assert.Equal("AvailabilityZone", z.GetProperty("ZoneType").GetString());
            Assert.False(string.IsNullOrEmpty(z.GetProperty("LocalName").GetString()));
        });
    }

    [Fact]
    public async Task VpcDescribeZones_ReturnsEmptyList_ForEdgeZones()
    {
        var c = await Server.NewClientAsync();
        var result = await c.Vpc("DescribeZones", ("RegionId", "cn-hangzhou"), ("ZoneType", "EdgeZone"));
        Assert.Empty(Items(result.Success(), "Zones", "Zone"));
        Assert.Contains("\"Zone\":[]", result.Raw);
        (await c.Vpc("DescribeZones", ("RegionId", "cn-hangzhou"), ("ZoneType", "LocalZone"))).Error("InvalidParameter", 400);
    }

    [Fact]
    public async Task VpcDescribeZones_Rejects_WhenRegionUnknownOrAbsent()
    {
        var c = await Server.NewClientAsync();
        (await c.Vpc("DescribeZones", ("RegionId", "mars-north-1"))).Error("InvalidRegionId.NotFound", 404);
        (await c.Vpc("DescribeZones")).Error("MissingParameter", 400);
    }

    [Fact]
    public async Task EcsDescribeInstanceTypes_GivesG7Large3EnisOf6PrivateIps()
    {
        var c = await Server.NewClientAsync();
        var types = Items((await c.Ecs("DescribeInstanceTypes", ("InstanceTypes.1", "ecs.g7.large"))).Success(), "InstanceTypes", "InstanceType");

        var g7 = Assert.Single(types);
        Assert.Equal("ecs.g7.large", g7.GetProperty("InstanceTypeId").GetString());
        Assert.Equal("ecs.g7", g7.GetProperty("InstanceTypeFamily").GetString());
        Assert.Equal(JsonValueKind.Number, g7.GetProperty("CpuCoreCount").ValueKind);
        Assert.Equal(2, g7.GetProperty("CpuCoreCount").GetInt32());
        Assert.Equal(8.0, g7.GetProperty("MemorySize").GetDouble());
        Assert.Equal(3, g7.GetProperty("EniQuantity").GetInt32());
        Assert.Equal(3, g7.GetProperty("EniTotalQuantity").GetInt32());
        Assert.Equal(6, g7.GetProperty("EniPrivateIpAddressQuantity").GetInt32());
        Assert.Equal(0, g7.GetProperty("EniIpv6AddressQuantity").GetInt32());
        Assert.False(g7.GetProperty("EniTrunkSupported").GetBoolean());
    }

    [Fact]
    public async Task EcsDescribeInstanceTypes_ListsTheCatalog_WithTheSpecsExamples()
    {
        var c = await Server.NewClientAsync();
        var types = Items((await c.Ecs("DescribeInstanceTypes")).Success(), "InstanceTypes", "InstanceType")
            .ToDictionary(t => t.GetProperty("InstanceTypeId").GetString()!);

        // SPEC.md, "Resources and ids": ENIs x private IPs per ENI.
        foreach (var (type, enis, ips) in new[] { ("ecs.g7.large", 3, 6), ("ecs.g7.xlarge", 4, 15), ("ecs.g6.large", 2, 6), ("ecs.t5-lc2m1.nano", 2, 2) })
        {
            Assert.Equal(enis, types[type].GetProperty("EniQuantity").GetInt32());
            Assert.Equal(ips, types[type].GetProperty("EniPrivateIpAddressQuantity").GetInt32());
        }
        Assert.Equal(0.5, types["ecs.t5-lc2m1.nano"].GetProperty("MemorySize").GetDouble());
    }

    [Fact]
    public async Task EcsDescribeInstanceTypes_Filters_ByTypesAndFamily()
    {
        var c = await Server.NewClientAsync();
        string[] Ids(JsonElement body) => Items(body, "InstanceTypes", "InstanceType").Select(t => t.GetProperty("InstanceTypeId").GetString()!).ToArray();

        var family = Ids((await c.Ecs("DescribeInstanceTypes", ("InstanceTypeFamily", "ecs.g6"))).Success());
        Assert.NotEmpty(family);
        Assert.All(family, t => Assert.StartsWith("ecs.g6.", t));
        var two = Ids((await c.Ecs("DescribeInstanceTypes", ("InstanceTypes.1", "ecs.g6.large"), ("InstanceTypes.2", "ecs.g7.xlarge"))).Success());
        Assert.Equal(new[] { "ecs.g7.xlarge", "ecs.g6.large" }.Order(), two.Order());
        var none = await c.Ecs("DescribeInstanceTypes", ("InstanceTypes.1", "ecs.g7.large"), ("InstanceTypeFamily", "ecs.g6"));
        Assert.Empty(Ids(none.Success()));
        Assert.Contains("\"InstanceType\":[]", none.Raw);
        Assert.Empty(Ids((await c.Ecs("DescribeInstanceTypes", ("InstanceTypes.1", "ecs.unknown.large"))).Success()));
    }

    [Fact]
    public async Task EcsDescribeInstanceTypes_FiltersByTheLimitsItKnows_AndRefusesTheOthers()
    {
        // Terraform's alicloud_instance_types sends GPUSpec and the minimum ENI quantities (issue 12).
        var c = await Server.NewClientAsync();
        async Task<JsonElement[]> Types(params (string, string)[] p) =>
            Items((await c.Ecs("DescribeInstanceTypes", p)).Success(), "InstanceTypes", "InstanceType");
        var all = await Types();
        Assert.All(await Types(("MinimumEniPrivateIpAddressQuantity", "10")), t => Assert.True(t.GetProperty("EniPrivateIpAddressQuantity").GetInt32() >= 10));
        Assert.True((await Types(("MinimumEniPrivateIpAddressQuantity", "10"))).Length < all.Length);
        Assert.All(await Types(("MinimumCpuCoreCount", "4"), ("MaximumCpuCoreCount", "4")), t => Assert.Equal(4, t.GetProperty("CpuCoreCount").GetInt32()));
        Assert.All(await Types(("MinimumMemorySize", "16")), t => Assert.True(t.GetProperty("MemorySize").GetDouble() >= 16));
        Assert.All(await Types(("MinimumEniQuantity", "4")), t => Assert.True(t.GetProperty("EniQuantity").GetInt32() >= 4));
        Assert.Equal(all.Length, (await Types(("InstanceTypeFamilies.1", "ecs.g6"), ("InstanceTypeFamilies.2", "ecs.g7"))).Length
            + all.Count(t => t.GetProperty("InstanceTypeFamily").GetString() is not ("ecs.g6" or "ecs.g7")));
        foreach (var nothing in new[] { ("GPUSpec", "NVIDIA T4"), ("MinimumEniIpv6AddressQuantity", "1"), ("CpuArchitecture", "ARM"), ("NvmeSupport", "required"),
            ("LocalStorageCategory", "local_ssd_pro") })
            Assert.Empty(await Types(nothing));
        Assert.Equal(all.Length, (await Types(("CpuArchitecture", "X86"), ("NvmeSupport", "unsupported"))).Length);
        (await c.Ecs("DescribeInstanceTypes", ("MinimumCpuSpeedFrequency", "2.5"))).Error("InvalidParameter", 400);
        Assert.Equal(["ecs.g7.large"], (await Types(("InstanceType", "ecs.g7.large"))).Select(t => t.GetProperty("InstanceTypeId").GetString()));
        Assert.Equal(all.Length, (await Types(("SystemDiskCategory", "cloud_essd"))).Length);
        Assert.Empty(await Types(("SystemDiskCategory", "ephemeral_ssd")));
    }

    [Fact]
    public async Task EcsDescribeInstanceTypes_Rejects_WhenMoreThan10TypesAsked()
    {
        var c = await Server.NewClientAsync();
        var eleven = Enumerable.Range(1, 11).Select(i => ($"InstanceTypes.{i}", "ecs.g7.large")).ToArray();
        (await c.Ecs("DescribeInstanceTypes", eleven)).Error("InvalidParameter", 400);
    }

    [Fact]
    public async Task EcsDescribeInstanceTypes_PagesWithMaxResultsAndNextToken()
    {
        var c = await Server.NewClientAsync();
        var all = Items((await c.Ecs("DescribeInstanceTypes")).Success(), "InstanceTypes", "InstanceType").Length;

        var seen = 0;
        var token = "";
        do
        {
            (string, string)[] page = token == "" ? [("MaxResults", "3")] : [("MaxResults", "3"), ("NextToken", token)];
            var body = (await c.Ecs("DescribeInstanceTypes", page)).Success();
            var count = Items(body, "InstanceTypes", "InstanceType").Length;
            Assert.InRange(count, 1, 3);
            seen += count;
            token = body.GetProperty("NextToken").GetString()!;
        }
        while (token != "");
        Assert.Equal(all, seen);
    }

    [Fact]
    public async Task CatalogActions_AreNotFound_UnderTheOtherProduct()
    {
        var c = await Server.NewClientAsync();
        (await c.Vpc("DescribeInstanceTypes")).Error("InvalidAction.NotFound", 400);
        (await c.Ecs("DescribeEipAddresses", ("RegionId", "cn-hangzhou"))).Error("InvalidAction.NotFound", 400);
        // DescribeZones is both products' (ECS's lists what each zone takes, issue 12).
        Assert.True((await c.Ecs("DescribeZones", ("RegionId", "cn-hangzhou"))).Success().GetProperty("Zones").GetProperty("Zone")[0]
            .TryGetProperty("AvailableInstanceTypes", out _));
    }

    private static JsonElement[] Items(JsonElement body, string wrapper, string item)
    {
        var list = body.GetProperty(wrapper).GetProperty(item);
        Assert.Equal(JsonValueKind.Array, list.ValueKind);
        return list.EnumerateArray().ToArray();
    }
}
