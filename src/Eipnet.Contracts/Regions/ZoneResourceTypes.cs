namespace Eipnet.Contracts.Regions;

public sealed record ZoneResourceTypes(IReadOnlyList<string> ResourceTypes);
