using System.Diagnostics.CodeAnalysis;

namespace Eipnet.Contracts.Vpcs;

/// <summary>DescribeVpcAttribute: one VPC, flat: the fields of a DescribeVpcs item, the request id, and the attributes
/// only this action shows (Terraform's alicloud_vpc reads ClassicLinkEnabled as a bool and Ipv6CidrBlocks as a list).</summary>
public sealed record DescribeVpcAttributeResponse : VpcItem
{
    [SetsRequiredMembers]
    public DescribeVpcAttributeResponse(string requestId, VpcItem item) : base(item) => RequestId = requestId;

    public string RequestId { get; init; }
    public bool ClassicLinkEnabled { get; init; }
    public bool SupportIpv4Gateway { get; init; }
    public string Ipv4GatewayId { get; init; } = "";
    public Ipv6CidrBlockList Ipv6CidrBlocks { get; init; } = new([]);
}
