namespace Eipnet.Contracts.Tagging;

public sealed record TagResourceList(IReadOnlyList<TagResourceItem> TagResource);
