using System.Text.Json.Serialization;

namespace Eipnet.Contracts.Regions;

/// <summary>Source-generated JSON for the region, zone and instance-type actions' responses.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DescribeRegionsResponse))]
[JsonSerializable(typeof(DescribeZonesResponse))]
[JsonSerializable(typeof(DescribeInstanceTypesResponse))]
[JsonSerializable(typeof(DescribeAvailableResourceResponse))]
[JsonSerializable(typeof(DescribeEcsZonesResponse))]
[JsonSerializable(typeof(DescribeImagesResponse))]
[JsonSerializable(typeof(DescribeImageSupportInstanceTypesResponse))]
public sealed partial class RegionJsonContext : JsonSerializerContext;
