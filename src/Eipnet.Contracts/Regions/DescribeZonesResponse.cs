namespace Eipnet.Contracts.Regions;

/// <summary>The answer of the VPC API's DescribeZones.</summary>
public sealed record DescribeZonesResponse(string RequestId, ZoneList Zones);
