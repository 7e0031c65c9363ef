namespace Eipnet.Contracts.Regions;

/// <summary>The system disk an image brings: Size in GiB, as a string (the SDK models declare it so).</summary>
public sealed record ImageDiskDeviceMapping(string Device, string Size, string Type, string SnapshotId, string Format);
