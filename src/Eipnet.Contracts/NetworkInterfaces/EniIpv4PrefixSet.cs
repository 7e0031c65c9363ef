namespace Eipnet.Contracts.NetworkInterfaces;

public sealed record EniIpv4PrefixSet(string Ipv4Prefix);
