using Eipnet.Api.Rpc;
using Eipnet.Contracts.Regions;

namespace Eipnet.Api.Regions;

/// <summary>The catalog as the APIs show it: regions and zones (VPC); regions, zones, instance types, available resources
/// and images (ECS).</summary>
public static class RegionActions
{
    public static void Register(ActionTable table)
    {
        var json = RegionJsonContext.Default;
        table.Add(RpcAction.Read(Products.Vpc, "DescribeRegions", RegionQueries.DescribeVpcRegionsAsync, json.DescribeRegionsResponse))
            .Add(RpcAction.Read(Products.Vpc, "DescribeZones", RegionQueries.DescribeZonesAsync, json.DescribeZonesResponse))
            .Add(RpcAction.Read(Products.Ecs, "DescribeRegions", RegionQueries.DescribeEcsRegionsAsync, json.DescribeRegionsResponse))
            .Add(RpcAction.Read(Products.Ecs, "DescribeInstanceTypes", InstanceTypeQueries.DescribeAsync, json.DescribeInstanceTypesResponse))
            .Add(RpcAction.Read(Products.Ecs, "DescribeZones", AvailableResourceQueries.DescribeZonesAsync, json.DescribeEcsZonesResponse))
            .Add(RpcAction.Read(Products.Ecs, "DescribeAvailableResource", AvailableResourceQueries.DescribeAsync, json.DescribeAvailableResourceResponse))
            .Add(RpcAction.Read(Products.Ecs, "DescribeImages", ImageQueries.DescribeAsync, json.DescribeImagesResponse))
            .Add(RpcAction.Read(Products.Ecs, "DescribeImageSupportInstanceTypes", ImageQueries.SupportedInstanceTypesAsync,
                json.DescribeImageSupportInstanceTypesResponse));
    }
}
