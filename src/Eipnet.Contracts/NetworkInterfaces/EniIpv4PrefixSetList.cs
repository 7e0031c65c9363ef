namespace Eipnet.Contracts.NetworkInterfaces;

/// <summary>IPv4 prefixes of an ENI; Eipnet assigns none, so the list is always empty.</summary>
public sealed record EniIpv4PrefixSetList(IReadOnlyList<EniIpv4PrefixSet> Ipv4PrefixSet);
