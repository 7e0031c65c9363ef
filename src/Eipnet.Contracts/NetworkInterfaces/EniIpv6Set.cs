namespace Eipnet.Contracts.NetworkInterfaces;

public sealed record EniIpv6Set(string Ipv6Address);
