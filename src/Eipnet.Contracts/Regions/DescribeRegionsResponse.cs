namespace Eipnet.Contracts.Regions;

/// <summary>The answer of DescribeRegions (VPC and ECS).</summary>
public sealed record DescribeRegionsResponse(string RequestId, RegionList Regions);
