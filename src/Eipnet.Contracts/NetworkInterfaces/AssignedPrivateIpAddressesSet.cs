namespace Eipnet.Contracts.NetworkInterfaces;

/// <summary>The addresses one AssignPrivateIpAddresses call added to the ENI, in assignment order.</summary>
public sealed record AssignedPrivateIpAddressesSet(string NetworkInterfaceId, AssignedPrivateIpList PrivateIpSet, AssignedIpv4PrefixList Ipv4PrefixSet);
