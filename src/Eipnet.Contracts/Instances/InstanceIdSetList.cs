namespace Eipnet.Contracts.Instances;

public sealed record InstanceIdSetList(IReadOnlyList<string> InstanceIdSet);
