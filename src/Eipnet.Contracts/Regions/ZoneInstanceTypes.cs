namespace Eipnet.Contracts.Regions;

public sealed record ZoneInstanceTypes(IReadOnlyList<string> InstanceTypes);
