namespace Eipnet.Contracts.Regions;

public sealed record AvailableZoneItem(string RegionId, string ZoneId, string Status, string StatusCategory, AvailableResourceList AvailableResources);
