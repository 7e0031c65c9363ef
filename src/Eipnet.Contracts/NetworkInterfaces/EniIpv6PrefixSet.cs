namespace Eipnet.Contracts.NetworkInterfaces;

public sealed record EniIpv6PrefixSet(string Ipv6Prefix);
