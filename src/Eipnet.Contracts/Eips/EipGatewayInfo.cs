namespace Eipnet.Contracts.Eips;

/// <summary>What a multi-EIP guest configures statically: the EIP, its gateway and its netmask.</summary>
public sealed record EipGatewayInfo(string Ip, string IpGw, string IpMask);
