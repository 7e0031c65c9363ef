namespace Eipnet.Contracts.Regions;

/// <summary>One image; Size is in GiB; CreationTime is UTC yyyy-MM-ddTHH:mm:ssZ.</summary>
public sealed record ImageItem
{
    public required string ImageId { get; init; }
    public required string ImageName { get; init; }
    public required string ImageFamily { get; init; }
    public required string ImageVersion { get; init; }
    public required string Description { get; init; }
    public required string Architecture { get; init; }
    public required string OSName { get; init; }
    public required string OSNameEn { get; init; }
    public required string OSType { get; init; }
    public required string Platform { get; init; }
    public required string Status { get; init; }
    public required int Size { get; init; }
    public required string ImageOwnerAlias { get; init; }
    public required string IsSelfShared { get; init; }
    public required bool IsSubscribed { get; init; }
    public required bool IsCopied { get; init; }
    public required bool IsSupportIoOptimized { get; init; }
    public required bool IsSupportCloudinit { get; init; }
    public required string Progress { get; init; }
    public required string Usage { get; init; }
    public required string ProductCode { get; init; }
    public required string BootMode { get; init; }
    public required string CreationTime { get; init; }
    public required ImageDiskDeviceMappingList DiskDeviceMappings { get; init; }
    public required ImageTagList Tags { get; init; }
}
