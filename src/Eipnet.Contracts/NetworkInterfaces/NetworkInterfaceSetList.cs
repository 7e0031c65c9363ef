namespace Eipnet.Contracts.NetworkInterfaces;

public sealed record NetworkInterfaceSetList(IReadOnlyList<NetworkInterfaceSetItem> NetworkInterfaceSet);
