using System.Globalization;
using System.Text.Json;
using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Terraform;

/// <summary>data_source_alicloud_zones.go, data_source_alicloud_instance_types.go and data_source_alicloud_images.go
/// replayed (reference §4): their calls, paging loops and the fields they need.</summary>
public static class EcsDataSources
{
    /// <summary>alicloud_zones: v1 DescribeAvailableResource (Zone), then v1 DescribeZones; a zone is kept when it is not
    /// SoldOut and lists instance types and disk categories; an empty result is an error; ids sorted.</summary>
    public static async Task<IReadOnlyList<string>> ZonesAsync(ProviderClient c)
    {
        var available = (await c.EcsV1("DescribeAvailableResource", [("RegionId", c.Region), ("DestinationResource", "Zone"), ("IoOptimized", "optimized"),
            ("InstanceChargeType", "PostPaid"), ("SpotStrategy", "NoSpot")])).Success();
        var open = Fixtures.List(available, "AvailableZones", "AvailableZone").Where(z => z.GetProperty("Status").GetString() != "SoldOut")
            .Select(z => z.GetProperty("ZoneId").GetString()!).ToHashSet();
        Assert.NotEmpty(open);
        var zones = (await c.EcsV1("DescribeZones", [("RegionId", c.Region), ("InstanceChargeType", "PostPaid"), ("SpotStrategy", "NoSpot")])).Success();
        var kept = Fixtures.List(zones, "Zones", "Zone").Where(z => open.Contains(z.GetProperty("ZoneId").GetString()!)
                && z.GetProperty("AvailableInstanceTypes").GetProperty("InstanceTypes").GetArrayLength() > 0
                && z.GetProperty("AvailableDiskCategories").GetProperty("DiskCategories").GetArrayLength() > 0)
            .Select(z =>
            {
                Assert.Equal(JsonValueKind.Array, z.GetProperty("AvailableResourceCreation").GetProperty("ResourceTypes").ValueKind);
                Assert.Equal(JsonValueKind.String, z.GetProperty("LocalName").ValueKind);
                return z.GetProperty("ZoneId").GetString()!;
            }).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(kept);
        return kept;
    }

    /// <summary>alicloud_instance_types: v1 DescribeAvailableResource (InstanceType), then the tea DescribeInstanceTypes
    /// without RegionId, following NextToken until it is empty; a type is kept when some zone supports it and, with
    /// image_id, when the tea DescribeImageSupportInstanceTypes lists it for the image.</summary>
    public static async Task<IReadOnlyList<JsonElement>> InstanceTypesAsync(ProviderClient c, int? cores = null, string? imageId = null)
    {
        HashSet<string>? forImage = null;
        if (imageId is not null)
            forImage = Fixtures.List((await c.Ecs("DescribeImageSupportInstanceTypes", [("RegionId", c.Region), ("ImageId", imageId)])).Success(), "InstanceTypes", "InstanceType")
                .Select(t => t.GetProperty("InstanceTypeId").GetString()!).ToHashSet();
        (string, string)[] filters = cores is { } n ? [("Cores", n.ToString(CultureInfo.InvariantCulture))] : [];
        var available = (await c.EcsV1("DescribeAvailableResource", [("RegionId", c.Region), ("DestinationResource", "InstanceType"),
            ("IoOptimized", "optimized"), ("InstanceChargeType", "PostPaid"), ("SpotStrategy", "NoSpot"), .. filters])).Success();
        var supported = Fixtures.List(available, "AvailableZones", "AvailableZone")
            .SelectMany(z => Fixtures.List(z, "AvailableResources", "AvailableResource"))
            .SelectMany(r => Fixtures.List(r, "SupportedResources", "SupportedResource"))
            .Where(s => s.GetProperty("Status").GetString() != "SoldOut").Select(s => s.GetProperty("Value").GetString()!).ToHashSet();
        var types = new List<JsonElement>();
        var token = "";
        for (var pages = 0; ; pages++)
        {
            Assert.True(pages < 100, "DescribeInstanceTypes never ends its NextToken");
            var page = (await c.Ecs("DescribeInstanceTypes", token == "" ? [] : [("NextToken", token)])).Success();
            foreach (var t in Fixtures.List(page, "InstanceTypes", "InstanceType"))
            {
                Assert.Equal(JsonValueKind.String, t.GetProperty("InstanceTypeId").ValueKind);
                if (supported.Contains(t.GetProperty("InstanceTypeId").GetString()!) && (cores is null || t.GetProperty("CpuCoreCount").GetInt32() == cores)
                    && forImage?.Contains(t.GetProperty("InstanceTypeId").GetString()!) != false)
                    types.Add(t);
            }
            token = page.GetProperty("NextToken").GetString()!;
            if (token == "")
                return types;
        }
    }

    /// <summary>alicloud_images: v1 DescribeImages with PageSize 100 from page 1, the next page while one has 50 or more;
    /// v1 DescribeTags per image (its errors are ignored).</summary>
    public static async Task<IReadOnlyList<JsonElement>> ImagesAsync(ProviderClient c, params (string, string)[] filters)
    {
        var images = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            Assert.True(page < 100, "DescribeImages repeats its pages");
            var body = (await c.EcsV1("DescribeImages", [("RegionId", c.Region), ("PageSize", "100"), ("PageNumber", page.ToString(CultureInfo.InvariantCulture)),
                ("Status", "Available"), .. filters])).Success();
            var items = Fixtures.List(body, "Images", "Image");
            foreach (var image in items)
            {
                foreach (var field in new[] { "ImageId", "Architecture", "OSName", "OSType", "Platform", "Status", "ImageOwnerAlias", "Usage", "CreationTime" })
                    Assert.Equal(JsonValueKind.String, image.GetProperty(field).ValueKind);
                Assert.True(DateTimeOffset.TryParse(image.GetProperty("CreationTime").GetString(), CultureInfo.InvariantCulture, out _));
                Assert.Equal(JsonValueKind.Array, image.GetProperty("DiskDeviceMappings").GetProperty("DiskDeviceMapping").ValueKind);
                await c.EcsV1("DescribeTags", [("RegionId", c.Region), ("ResourceType", "image"), ("ResourceId", image.GetProperty("ImageId").GetString()!)]);
                images.Add(image);
            }
            if (items.Length < 50)
                return images;
        }
    }
}
