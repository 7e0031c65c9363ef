namespace Eipnet.Contracts.Regions;

/// <summary>A zone as ECS DescribeZones shows it; the lists are never empty for a zone that takes instances.</summary>
public sealed record EcsZoneItem(
    string ZoneId,
    string LocalName,
    string ZoneType,
    ZoneResourceTypes AvailableResourceCreation,
    ZoneInstanceTypes AvailableInstanceTypes,
    ZoneDiskCategories AvailableDiskCategories,
    ZoneVolumeCategories AvailableVolumeCategories);
