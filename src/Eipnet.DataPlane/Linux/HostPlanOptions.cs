using Eipnet.Domain.Addressing;

namespace Eipnet.DataPlane.Linux;

/// <summary>Names and pools the plan is rendered with.</summary>
/// <remarks>Prefix starts every network namespace name we own, so a sweep can find ours and never touch anything else.
/// EipPools tell a cut-through guest its mask and gateway, as DescribeEipGatewayInfo does.</remarks>
public sealed record HostPlanOptions(string Prefix, string TableName, string UplinkName, IReadOnlyList<Ipv4Cidr> EipPools)
{
    /// <summary>The lab's defaults: prefix "eipnet-", table "eipnet", uplink "uplink", pool 198.51.100.0/24.</summary>
    public static HostPlanOptions Default { get; } = new("eipnet-", "eipnet", "uplink", [new Ipv4Cidr(0xC6336400, 24)]);

    /// <summary>The namespace holding the gateway: the nft table, the EIP routes and the host end of every ENI.</summary>
    public string GatewayNamespace => Prefix + "gw";

    /// <summary>Where an ENI attached to no instance waits, with its MAC, until it is attached again.</summary>
    public string ParkingNamespace => Prefix + "parked";

    public string InstanceNamespace(string instanceId) => Prefix + instanceId;
}
