namespace Eipnet.Contracts.NetworkInterfaces;

public sealed record EniPrivateIpSetList(IReadOnlyList<EniPrivateIpSet> PrivateIpSet);
