namespace Eipnet.Contracts.Regions;

public sealed record ZoneDiskCategories(IReadOnlyList<string> DiskCategories);
