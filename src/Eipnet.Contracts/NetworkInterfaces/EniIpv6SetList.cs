namespace Eipnet.Contracts.NetworkInterfaces;

/// <summary>IPv6 addresses of an ENI; Eipnet is IPv4 only, so the list is always empty.</summary>
public sealed record EniIpv6SetList(IReadOnlyList<EniIpv6Set> Ipv6Set);
