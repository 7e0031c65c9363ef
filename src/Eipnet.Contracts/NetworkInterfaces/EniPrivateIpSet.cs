namespace Eipnet.Contracts.NetworkInterfaces;

/// <summary>One private IP of an ENI. PrivateDnsName and AssociatedPublicIp are null (left out) in CreateNetworkInterface.</summary>
public sealed record EniPrivateIpSet(string PrivateIpAddress, bool Primary, string? PrivateDnsName = null, EniAssociatedPublicIp? AssociatedPublicIp = null);
