namespace Eipnet.Contracts.Instances;

public sealed record InstanceIpAddressList(IReadOnlyList<string> IpAddress);
