namespace Eipnet.Contracts.Regions;

/// <summary>A zone on the wire; ZoneType is AvailabilityZone.</summary>
public sealed record ZoneItem(string ZoneId, string LocalName, string ZoneType);
