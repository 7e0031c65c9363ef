namespace Eipnet.Contracts.Vpcs;

/// <summary>The Ipv6CidrBlocks.Ipv6CidrBlock[] wrapper of a VPC (always empty: Eipnet has no IPv6).</summary>
public sealed record Ipv6CidrBlockList(IReadOnlyList<Ipv6CidrBlockItem> Ipv6CidrBlock);
