namespace Eipnet.Contracts.Regions;

public sealed record ZoneVolumeCategories(IReadOnlyList<string> VolumeCategories);
