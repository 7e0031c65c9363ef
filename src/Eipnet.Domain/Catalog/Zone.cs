namespace Eipnet.Domain.Catalog;

/// <summary>An availability zone of a region.</summary>
public sealed record Zone(string ZoneId, string LocalName);
