namespace Eipnet.Contracts.Instances;

/// <summary>DescribeInstanceAttribute: one instance, flat (the fields its SDK models declare that Eipnet has).</summary>
public sealed record DescribeInstanceAttributeResponse
{
    public required string RequestId { get; init; }
    public required string InstanceId { get; init; }
    public required string InstanceName { get; init; }
    public required string Description { get; init; }
    public required string Status { get; init; }
    public required string RegionId { get; init; }
    public required string ZoneId { get; init; }
    public required string InstanceType { get; init; }
    public required string ImageId { get; init; }
    public required string HostName { get; init; }
    public required int Cpu { get; init; }
    public required int Memory { get; init; }
    public required string CreationTime { get; init; }
    public required string InstanceNetworkType { get; init; }
    public required string InternetChargeType { get; init; }
    public required int InternetMaxBandwidthOut { get; init; }
    public required string InstanceChargeType { get; init; }
    public required string IoOptimized { get; init; }
    public required string StoppedMode { get; init; }
    public required bool EnableJumboFrame { get; init; }
    public required InstanceVpcAttributes VpcAttributes { get; init; }
    public required InstanceIpAddressList PublicIpAddress { get; init; }
    public required InstanceIpAddressList InnerIpAddress { get; init; }
    public required InstanceSecurityGroupIdList SecurityGroupIds { get; init; }
    public required InstanceLockReasonList OperationLocks { get; init; }
}
