namespace Eipnet.Contracts.NetworkInterfaces;

/// <summary>IPv4 prefixes assigned by the call; Eipnet assigns none.</summary>
public sealed record AssignedIpv4PrefixList(IReadOnlyList<string> Ipv4Prefixes);
