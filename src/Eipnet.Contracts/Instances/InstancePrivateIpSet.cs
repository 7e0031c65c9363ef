namespace Eipnet.Contracts.Instances;

public sealed record InstancePrivateIpSet(string PrivateIpAddress, bool Primary);
