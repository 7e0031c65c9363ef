namespace Eipnet.Contracts.Instances;

public sealed record InstanceList(IReadOnlyList<InstanceItem> Instance);
