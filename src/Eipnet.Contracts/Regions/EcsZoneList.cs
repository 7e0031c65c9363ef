namespace Eipnet.Contracts.Regions;

public sealed record EcsZoneList(IReadOnlyList<EcsZoneItem> Zone);
