namespace Eipnet.Contracts.Instances;

public sealed record InstanceNetworkInterfaceList(IReadOnlyList<InstanceNetworkInterface> NetworkInterface);
