namespace Eipnet.Contracts.Regions;

/// <summary>The Zones.Zone[] wrapper; an empty list is [].</summary>
public sealed record ZoneList(IReadOnlyList<ZoneItem> Zone);
