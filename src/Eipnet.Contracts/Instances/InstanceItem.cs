namespace Eipnet.Contracts.Instances;

/// <summary>One instance in DescribeInstances (alibaba-api.md §2.10). Cpu is the vCPU count, Memory is in MiB; times are UTC
/// yyyy-MM-ddTHH:mm:ssZ and StartTime is empty until the instance first runs.</summary>
public sealed record InstanceItem
{
    public required string InstanceId { get; init; }
    public required string InstanceName { get; init; }
    public required string Description { get; init; }
    public required string Status { get; init; }
    public required string RegionId { get; init; }
    public required string ZoneId { get; init; }
    public required string InstanceType { get; init; }
    public required string InstanceTypeFamily { get; init; }
    public required int Cpu { get; init; }
    public required int Memory { get; init; }
    public required string ImageId { get; init; }
    public required string HostName { get; init; }
    public required string CreationTime { get; init; }
    public required string StartTime { get; init; }
    public required string ExpiredTime { get; init; }
    public required string InstanceChargeType { get; init; }
    public required string InternetChargeType { get; init; }
    public required int InternetMaxBandwidthOut { get; init; }
    public required string InstanceNetworkType { get; init; }
    public required bool IoOptimized { get; init; }
    public required string ResourceGroupId { get; init; }
    public required string StoppedMode { get; init; }
    public required bool DeletionProtection { get; init; }
    public required InstanceVpcAttributes VpcAttributes { get; init; }
    public required InstanceEipAddress EipAddress { get; init; }
    public required InstanceIpAddressList PublicIpAddress { get; init; }
    public required InstanceIpAddressList InnerIpAddress { get; init; }
    public required InstanceSecurityGroupIdList SecurityGroupIds { get; init; }
    public required InstanceNetworkInterfaceList NetworkInterfaces { get; init; }
    public required InstanceLockReasonList OperationLocks { get; init; }
    public required InstanceTagList Tags { get; init; }

    /// <summary>Eipnet's, not Alibaba's (whose instance has no field for the machine it runs on, only DedicatedHostAttribute for
    /// dedicated hosts, which Terraform would read as a setting): the data-plane host the instance runs on; empty before any
    /// host was registered.</summary>
    public required string EipnetHost { get; init; }
}
