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
    /// <summary>The VPC's tags, in the order they were first set.</summary>
    public IReadOnlyList<ResourceTag> Tags { get; init; } = [];

    /// <summary>The resource group the VPC is in; empty when none was given.</summary>
    public string ResourceGroupId { get; init; } = "";

    /// <summary>The VPC's overlay network identifier (VXLAN VNI) between hosts: from the store revision that created it
    /// (<see cref="Hosts.Overlay.Vni"/>); 0 for a VPC created before overlays, which then takes one from its id.</summary>
    public int Vni { get; init; }

    /// <summary>Whether DNS hostnames are on (EnableDnsHostname); Alibaba's default is off.</summary>
    public bool DnsHostnameEnabled { get; init; }

    /// <summary>The system route table's name and description (ModifyRouteTableAttributes); empty until set.</summary>
    public string RouteTableName { get; init; } = "";

    public string RouteTableDescription { get; init; } = "";

    /// <summary>Whether the system route table takes propagated routes; on by default, as on Alibaba.</summary>
    public bool RoutePropagationEnabled { get; init; } = true;

    /// <summary>The id of the vRouter Alibaba creates with every VPC; Eipnet derives it from the VPC id.</summary>
    public string VRouterId => "vrt-" + VpcId["vpc-".Length..];

    /// <summary>The id of the system route table, derived like the vRouter id.</summary>
    public string RouteTableId => "vtb-" + VpcId["vpc-".Length..];
}
