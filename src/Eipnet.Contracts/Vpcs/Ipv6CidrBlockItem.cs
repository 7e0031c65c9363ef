namespace Eipnet.Contracts.Vpcs;

public sealed record Ipv6CidrBlockItem(string Ipv6CidrBlock, string Ipv6Isp);
