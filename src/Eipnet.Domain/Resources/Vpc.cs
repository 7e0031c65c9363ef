namespace Eipnet.Domain.Resources;

/// <summary>A virtual private cloud: an IPv4 CIDR in one region of one account.</summary>
public sealed record Vpc(
    string VpcId,
    string AccountId,
    string RegionId,
    string CidrBlock,
    string VpcName,
    string Description,
    DateTimeOffset CreationTime)
{
    /// <summary>The id of the vRouter Alibaba creates with every VPC; Eipnet derives it from the VPC id.</summary>
    public string VRouterId => "vrt-" + VpcId["vpc-".Length..];

    /// <summary>The id of the system route table, derived like the vRouter id.</summary>
    public string RouteTableId => "vtb-" + VpcId["vpc-".Length..];
}
