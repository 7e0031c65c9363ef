namespace Eipnet.Contracts.Instances;

/// <summary>One disk in DescribeDisks; Size is in GiB; times are UTC yyyy-MM-ddTHH:mm:ssZ.</summary>
public sealed record DiskItem
{
    public required string DiskId { get; init; }
    public required string DiskName { get; init; }
    public required string Description { get; init; }
    public required string Type { get; init; }
    public required string Category { get; init; }
    public required int Size { get; init; }
    public required string Status { get; init; }
    public required string InstanceId { get; init; }
    public required string RegionId { get; init; }
    public required string ZoneId { get; init; }
    public required string Device { get; init; }
    public required string PerformanceLevel { get; init; }
    public required string ImageId { get; init; }
    public required string ResourceGroupId { get; init; }
    public required string CreationTime { get; init; }
    public required string AttachedTime { get; init; }
    public required bool Encrypted { get; init; }
    public required bool DeleteWithInstance { get; init; }
    public required bool DeleteAutoSnapshot { get; init; }
    public required bool EnableAutoSnapshot { get; init; }
    public required bool Portable { get; init; }
    public required string KMSKeyId { get; init; }
    public required string AutoSnapshotPolicyId { get; init; }
    public required string StorageClusterId { get; init; }
    public required InstanceTagList Tags { get; init; }
}
