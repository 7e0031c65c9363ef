using Eipnet.DataPlane.Linux.Topology;
using Eipnet.Domain.Addressing;

namespace Eipnet.DataPlane.Linux.Planning;

/// <summary>What a VPC's router puts into the plan while any ENI of the VPC is on the host: its namespace, its transit link to
/// the gateway with an address at each end, its default route and the gateway's route and rule for the VPC's mark, the
/// addresses guests use as their gateway on its loopback, and its nft table (empty maps, the fixed chains).</summary>
/// <remarks>Depends on the VPC id, the VPC's vSwitches and the options only.</remarks>
internal sealed record RouterFragment(
    string VpcId,
    string Namespace,
    EniLink Transit,
    IReadOnlyList<AddressAssignment> Addresses,
    IReadOnlyList<RouteEntry> Routes,
    RuleEntry Rule)
{
    public static RouterFragment For(string vpcId, DesiredState desired, HostPlanOptions o)
    {
        var gw = o.GatewayNamespace;
        var ns = o.RouterNamespace(vpcId);
        var mark = HostPlan.VpcMark(vpcId);
        var table = HostPlan.VpcTable(vpcId);
        var transit = new EniLink(EniLink.TransitPrefix + vpcId, HostPlanOptions.TransitName, HostPlan.TransitGatewayName(vpcId),
            "02:00:" + string.Join(':', BitConverter.GetBytes(mark).Reverse().Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture))),
            ns, gw);
        var addresses = new List<AddressAssignment>
        {
            new(gw, transit.GatewayName, HostPlanOptions.TransitGatewayAddress + "/32"),
            new(ns, transit.Name, HostPlanOptions.TransitRouterAddress + "/32"),
        };
        // What guests use as their gateway: each vSwitch's first host and each EIP pool's (DescribeEipGatewayInfo's gateway).
        foreach (var vSwitch in desired.VSwitches.Values.Where(v => v.VpcId == vpcId))
        {
            if (Ipv4Cidr.TryParse(vSwitch.CidrBlock, out var cidr))
                addresses.Add(new AddressAssignment(ns, HostPlan.GatewayLoopback, Ipv4Cidr.Format(VSwitchAddressing.Gateway(cidr.Value)) + "/32"));
        }
        foreach (var pool in o.EipPools)
            addresses.Add(new AddressAssignment(ns, HostPlan.GatewayLoopback, Ipv4Cidr.Format(pool.Network + 1) + "/32"));
        return new RouterFragment(vpcId, ns, transit, addresses.Distinct().ToList(),
        [
            new RouteEntry(ns, "default", transit.Name, HostPlanOptions.TransitGatewayAddress),
            new RouteEntry(gw, "default", transit.GatewayName, HostPlanOptions.TransitRouterAddress, table),
        ],
            new RuleEntry(gw, "all", table, HostPlan.VpcRulePriority, mark));
    }
}
