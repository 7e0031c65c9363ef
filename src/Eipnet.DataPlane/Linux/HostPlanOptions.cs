using Eipnet.Domain.Addressing;

namespace Eipnet.DataPlane.Linux;

/// <summary>Names and pools the plan is rendered with.</summary>
/// <remarks>Prefix starts every network namespace name we own, so a sweep can find ours and never touch anything else.
/// EipPools tell a cut-through guest its mask and gateway, as DescribeEipGatewayInfo does.</remarks>
public sealed record HostPlanOptions(string Prefix, string TableName, string UplinkName, IReadOnlyList<Ipv4Cidr> EipPools)
{
    /// <summary>This host's name among the registered hosts (its agent's name); null, or a name no host has, plans as the only
    /// host, with both roles.</summary>
    public string? HostName { get; init; }

    /// <summary>The lab's defaults: prefix "eipnet-", table "eipnet", uplink "uplink", pool 198.51.100.0/24.</summary>
    public static HostPlanOptions Default { get; } = new("eipnet-", "eipnet", "uplink", [new Ipv4Cidr(0xC6336400, 24)]);

    /// <summary>The namespace holding the gateway: the nft table, the EIP routes and the host end of every ENI.</summary>
    public string GatewayNamespace => Prefix + "gw";

    /// <summary>Where an ENI attached to no instance waits, with its MAC, until it is attached again.</summary>
    public string ParkingNamespace => Prefix + "parked";

    public string InstanceNamespace(string instanceId) => Prefix + instanceId;

    /// <summary>A VPC's router: its own namespace (routing table, conntrack, nft table), holding the host end of every ENI in
    /// the VPC, so two VPCs may use the same addresses and never meet (docs/decisions.md, "VPCs as routing domains").</summary>
    public string RouterNamespace(string vpcId) => Prefix + vpcId;

    /// <summary>The VPC id of a router namespace's name.</summary>
    public string? VpcOfRouter(string ns) =>
        ns.StartsWith(Prefix + "vpc-", StringComparison.Ordinal) ? ns[Prefix.Length..] : null;

    /// <summary>The router's end of its link to the gateway.</summary>
    public const string TransitName = "transit";

    /// <summary>Both ends of every transit link carry one of these (/32, no prefix route: the routes name the device).</summary>
    public const string TransitGatewayAddress = "169.254.0.1", TransitRouterAddress = "169.254.0.2";
}
