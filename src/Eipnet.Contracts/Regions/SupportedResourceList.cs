namespace Eipnet.Contracts.Regions;

public sealed record SupportedResourceList(IReadOnlyList<SupportedResourceItem> SupportedResource);
