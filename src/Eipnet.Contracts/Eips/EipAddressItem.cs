namespace Eipnet.Contracts.Eips;

/// <summary>One EIP in DescribeEipAddresses; types follow the v1 Go SDK struct (Bandwidth is a string, ServiceManaged a number).</summary>
public sealed record EipAddressItem
{
    public required string AllocationId { get; init; }
    public required string IpAddress { get; init; }
    public required string Status { get; init; }
    public required string RegionId { get; init; }
    public required string InstanceId { get; init; }
    public required string InstanceType { get; init; }
    public required string InstanceRegionId { get; init; }
    public required string PrivateIpAddress { get; init; }
    public required string Mode { get; init; }
    public required string Bandwidth { get; init; }
    public required string EipBandwidth { get; init; }
    public required string InternetChargeType { get; init; }
    public required string ChargeType { get; init; }
    public required string ISP { get; init; }
    public required string Netmode { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public required string AllocationTime { get; init; }
    public required string ExpiredTime { get; init; }
    public required string BizType { get; init; }
    public required string BusinessStatus { get; init; }
    public required string ResourceGroupId { get; init; }
    public required string HDMonitorStatus { get; init; }
    public required string HasReservationData { get; init; }
    public required string VpcId { get; init; }
    public required string Zone { get; init; }
    public required bool DeletionProtection { get; init; }
    public required bool SecondLimited { get; init; }
    public required int ServiceManaged { get; init; }
    public required EipLockReasons OperationLocks { get; init; }
    public required EipSecurityProtectionTypes SecurityProtectionTypes { get; init; }
    public required EipTags Tags { get; init; }
}
