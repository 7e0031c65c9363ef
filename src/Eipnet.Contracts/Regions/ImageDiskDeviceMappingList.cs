namespace Eipnet.Contracts.Regions;

public sealed record ImageDiskDeviceMappingList(IReadOnlyList<ImageDiskDeviceMapping> DiskDeviceMapping);
