namespace Eipnet.Contracts.Regions;

public sealed record AvailableResourceList(IReadOnlyList<AvailableResourceItem> AvailableResource);
