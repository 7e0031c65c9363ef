namespace Eipnet.Contracts.Regions;

/// <summary>ECS DescribeZones: the region's zones with what can be created in each.</summary>
public sealed record DescribeEcsZonesResponse(string RequestId, EcsZoneList Zones);
