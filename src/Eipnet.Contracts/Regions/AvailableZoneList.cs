namespace Eipnet.Contracts.Regions;

public sealed record AvailableZoneList(IReadOnlyList<AvailableZoneItem> AvailableZone);
