using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Regions;

/// <summary>ECS DescribeZones, DescribeAvailableResource, DescribeImages and DescribeImageSupportInstanceTypes (issue 12): answered from the catalog, and what
/// Eipnet does not sell finds nothing.</summary>
public sealed class EcsCatalogTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private const string Region = Fixtures.Region;

    [Fact]
    public async Task DescribeZones_ListsEveryZoneWithInstanceTypesAndDiskCategories()
    {
        var c = await shared.Server.NewClientAsync();
        var zones = Fixtures.List((await c.Ecs("DescribeZones", ("RegionId", Region))).Success(), "Zones", "Zone");
        Assert.Contains(zones, z => z.GetProperty("ZoneId").GetString() == Fixtures.Zone);
        foreach (var z in zones)
        {
            Assert.Contains(Fixtures.InstanceType, z.GetProperty("AvailableInstanceTypes").GetProperty("InstanceTypes").EnumerateArray().Select(t => t.GetString()));
            Assert.Contains("cloud_essd", z.GetProperty("AvailableDiskCategories").GetProperty("DiskCategories").EnumerateArray().Select(t => t.GetString()));
            Assert.Contains("Instance", z.GetProperty("AvailableResourceCreation").GetProperty("ResourceTypes").EnumerateArray().Select(t => t.GetString()));
        }
        var spot = Fixtures.List((await c.Ecs("DescribeZones", ("RegionId", Region), ("SpotStrategy", "SpotAsPriceGo"))).Success(), "Zones", "Zone");
        Assert.All(spot, z => Assert.Empty(z.GetProperty("AvailableInstanceTypes").GetProperty("InstanceTypes").EnumerateArray()));
    }

    [Fact]
    public async Task DescribeAvailableResource_AnswersEachDestination_AndNothingForWhatIsNotSold()
    {
        var c = await shared.Server.NewClientAsync();
        async Task<string[]> Values(params (string, string)[] p) =>
            Fixtures.List((await c.Ecs("DescribeAvailableResource", [("RegionId", Region), .. p])).Success(), "AvailableZones", "AvailableZone")
                .SelectMany(z => Fixtures.List(z, "AvailableResources", "AvailableResource"))
                .SelectMany(r => Fixtures.List(r, "SupportedResources", "SupportedResource")).Select(s => s.GetProperty("Value").GetString()!).Distinct().ToArray();
        Assert.Contains(Fixtures.Zone, await Values(("DestinationResource", "Zone")));
        Assert.Equal([Fixtures.Zone], await Values(("DestinationResource", "Zone"), ("ZoneId", Fixtures.Zone)));
        Assert.Contains(Fixtures.InstanceType, await Values(("DestinationResource", "InstanceType")));
        Assert.Equal(["ecs.g7.large"], await Values(("DestinationResource", "InstanceType"), ("InstanceType", "ecs.g7.large")));
        Assert.All(await Values(("DestinationResource", "InstanceType"), ("Cores", "2")), t => Assert.NotEqual("ecs.g7.xlarge", t));
        Assert.Contains("cloud_essd", await Values(("DestinationResource", "SystemDisk")));
        Assert.Empty(await Values(("DestinationResource", "Zone"), ("SpotStrategy", "SpotWithPriceLimit")));
        Assert.Empty(await Values(("DestinationResource", "Zone"), ("NetworkCategory", "classic")));
        Assert.Empty(await Values(("DestinationResource", "DataDisk")));
        (await c.Ecs("DescribeAvailableResource", ("RegionId", Region))).Error("MissingParameter", 400);
        (await c.Ecs("DescribeAvailableResource", ("RegionId", Region), ("DestinationResource", "Bucket"))).Error("InvalidParameter", 400);
    }

    [Fact]
    public async Task DescribeImages_PagesTheCatalogue_AndFiltersOrRefuses()
    {
        var c = await shared.Server.NewClientAsync();
        async Task<string[]> Ids(params (string, string)[] p) =>
            Fixtures.List((await c.Ecs("DescribeImages", [("RegionId", Region), .. p])).Success(), "Images", "Image").Select(i => i.GetProperty("ImageId").GetString()!).ToArray();
        var all = await Ids(("PageSize", "100"));
        Assert.True(all.Length >= 3);
        Assert.Equal(all.Take(2), await Ids(("PageSize", "2")));
        Assert.Equal(all.Skip(2).Take(2), await Ids(("PageSize", "2"), ("PageNumber", "2")));
        Assert.Empty(await Ids(("PageSize", "100"), ("PageNumber", "2")));
        Assert.Equal([all[0]], await Ids(("ImageId", all[0])));
        Assert.Equal(all, await Ids(("PageSize", "100"), ("ImageOwnerAlias", "system"), ("OSType", "linux"), ("Architecture", "x86_64")));
        Assert.Empty(await Ids(("ImageOwnerAlias", "self")));
        Assert.Empty(await Ids(("OSType", "windows")));
        Assert.Empty(await Ids(("Architecture", "arm64")));
        Assert.Empty(await Ids(("Tag.1.Key", "env")));
        Assert.Empty(await Ids(("Status", "Deprecated")));
        (await c.Ecs("DescribeImages", ("RegionId", Region), ("Filter.1.Key", "CreationStartTime"), ("Filter.1.Value", "2024-01-01T00:00Z"))).Error("InvalidParameter", 400);
        (await c.Ecs("DescribeImages", ("RegionId", Region), ("InstanceType", "ecs.nothing"))).Error("InvalidInstanceType.ValueNotSupported", 400);
    }

    [Fact]
    public async Task DescribeImageSupportInstanceTypes_ListsEveryCatalogType_ForACatalogueImage()
    {
        var c = await shared.NewClientAsync();
        const string Image = "debian_12_6_x64_20G_alibase_20240823.vhd";

        var body = (await c.Ecs("DescribeImageSupportInstanceTypes", ("RegionId", Region), ("ImageId", Image))).Success();

        Assert.Equal(Image, body.GetProperty("ImageId").GetString());
        var types = Fixtures.List(body, "InstanceTypes", "InstanceType").Select(t => t.GetProperty("InstanceTypeId").GetString()).ToList();
        Assert.Contains(Fixtures.InstanceType, types);
        Assert.Equal(types, Fixtures.List((await c.Ecs("DescribeImageSupportInstanceTypes", ("RegionId", Region), ("Filter.1.Key", "imageId"),
            ("Filter.1.Value", Image))).Success(), "InstanceTypes", "InstanceType").Select(t => t.GetProperty("InstanceTypeId").GetString()));
        (await c.Ecs("DescribeImageSupportInstanceTypes", ("RegionId", Region), ("ImageId", "m-none"))).Error("InvalidImageId.NotFound", 404);
        (await c.Ecs("DescribeImageSupportInstanceTypes", ("RegionId", Region), ("Filter.1.Key", "osType"), ("Filter.1.Value", "linux"))).Error("InvalidParameter", 400);
        (await c.Ecs("DescribeImageSupportInstanceTypes", ("RegionId", Region))).Error("MissingParameter", 400);
    }
}
