namespace Eipnet.Contracts.NetworkInterfaces;

/// <summary>IPv6 prefixes of an ENI; always empty.</summary>
public sealed record EniIpv6PrefixSetList(IReadOnlyList<EniIpv6PrefixSet> Ipv6PrefixSet);
