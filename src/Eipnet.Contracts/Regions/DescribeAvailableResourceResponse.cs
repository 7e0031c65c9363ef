namespace Eipnet.Contracts.Regions;

/// <summary>DescribeAvailableResource: per zone, the resources of the asked-for kind that can be created there.</summary>
public sealed record DescribeAvailableResourceResponse(string RequestId, AvailableZoneList AvailableZones);
