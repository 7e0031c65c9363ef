namespace Eipnet.Contracts.NetworkInterfaces;

/// <summary>The EIP mapped to a private IP of an ENI; both fields are empty strings when there is none.</summary>
public sealed record EniAssociatedPublicIp(string AllocationId, string PublicIpAddress);
