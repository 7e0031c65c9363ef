namespace Eipnet.Contracts.Instances;

public sealed record InstancePrivateIpSetList(IReadOnlyList<InstancePrivateIpSet> PrivateIpSet);
