namespace Eipnet.Contracts.Instances;

/// <summary>The EIP on the instance (on its primary ENI's primary private IP). Bandwidth is an int in Mbit/s here, unlike the VPC API;
/// every field is empty (0, false) when the instance has no EIP.</summary>
public sealed record InstanceEipAddress(string AllocationId, string IpAddress, int Bandwidth, string InternetChargeType, bool IsSupportUnassociate);
