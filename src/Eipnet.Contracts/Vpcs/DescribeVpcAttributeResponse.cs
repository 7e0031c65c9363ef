namespace Eipnet.Contracts.Vpcs;

/// <summary>DescribeVpcAttribute: one VPC, flat, with the fields the SDK's model declares (not DescribeVpcs' item: no
/// RouterTableIds, NatGatewayIds or CenStatus) and those Terraform's alicloud_vpc reads (ClassicLinkEnabled a bool,
/// Ipv6CidrBlocks a list).</summary>
public sealed record DescribeVpcAttributeResponse
{
    public required string RequestId { get; init; }
    public required string VpcId { get; init; }
    public required string VpcName { get; init; }
    public required string RegionId { get; init; }
    public required string Status { get; init; }
    public required string CidrBlock { get; init; }
    public required string Ipv6CidrBlock { get; init; }
    public required Ipv6CidrBlockList Ipv6CidrBlocks { get; init; }
    public required string VRouterId { get; init; }
    public required string Description { get; init; }
    public required bool IsDefault { get; init; }
    public required bool ClassicLinkEnabled { get; init; }
    public required string CreationTime { get; init; }
    public required string ResourceGroupId { get; init; }
    public required long OwnerId { get; init; }
    public required bool EnabledIpv6 { get; init; }
    public required string DhcpOptionsSetId { get; init; }
    public required string DhcpOptionsSetStatus { get; init; }
    public required string DnsHostnameStatus { get; init; }
    public required bool SupportIpv4Gateway { get; init; }
    public required string Ipv4GatewayId { get; init; }
    public required VSwitchIdList VSwitchIds { get; init; }
    public required UserCidrList UserCidrs { get; init; }
    public required SecondaryCidrBlockList SecondaryCidrBlocks { get; init; }
    public required VpcTagList Tags { get; init; }
}
