namespace Eipnet.Contracts.Instances;

/// <summary>An instance's VPC placement; PrivateIpAddress lists the primary ENI's primary private IP.</summary>
public sealed record InstanceVpcAttributes(string VpcId, string VSwitchId, string NatIpAddress, InstanceIpAddressList PrivateIpAddress);
