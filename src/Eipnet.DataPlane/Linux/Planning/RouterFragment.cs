using Eipnet.DataPlane.Linux.Topology;
using Eipnet.Domain.Addressing;
using Eipnet.Domain.Hosts;

namespace Eipnet.DataPlane.Linux.Planning;

/// <summary>What a VPC's router puts into the plan while this host has a part in the VPC: its namespace; on a gateway its transit
/// link to the gateway namespace with an address at each end, its default route and the gateway's route and rule for the VPC's
/// mark; on a compute host the addresses guests use as their gateway on its loopback; with several hosts its overlay address,
/// its VXLAN devices with the other hosts' routers on them, and on a compute host its way out and back through its transit;
/// and its nft table (empty maps, the fixed chains of its role).</summary>
/// <remarks>Depends on the VPC id, the VPC's vSwitches, this host's share (<see cref="HostShare.Key"/>) and the options only.</remarks>
internal sealed record RouterFragment(
    string VpcId,
    string Namespace,
    HostPlan.RouterRole Role,
    EniLink? Transit,
    IReadOnlyList<AddressAssignment> Addresses,
    IReadOnlyList<RouteEntry> Routes,
    IReadOnlyList<RuleEntry> Rules,
    IReadOnlyList<TunnelLink> Tunnels,
    IReadOnlyList<TunnelPeer> Peers)
{
    public static RouterFragment For(string vpcId, DesiredState desired, HostPlanOptions o, HostShare share)
    {
        var gw = o.GatewayNamespace;
        var ns = o.RouterNamespace(vpcId);
        EniLink? transit = null;
        var addresses = new List<AddressAssignment>();
        var routes = new List<RouteEntry>();
        var rules = new List<RuleEntry>();
        var tunnels = new List<TunnelLink>();
        var peers = new List<TunnelPeer>();
        if (share.Gateway)
        {
            var mark = HostPlan.VpcMark(vpcId);
            var table = HostPlan.VpcTable(vpcId);
            transit = new EniLink(EniLink.TransitPrefix + vpcId, HostPlanOptions.TransitName, HostPlan.TransitGatewayName(vpcId),
                "02:00:" + string.Join(':', BitConverter.GetBytes(mark).Reverse().Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture))),
                ns, gw);
            addresses.Add(new(gw, transit.GatewayName, HostPlanOptions.TransitGatewayAddress + "/32"));
            addresses.Add(new(ns, transit.Name, HostPlanOptions.TransitRouterAddress + "/32"));
            routes.Add(new RouteEntry(ns, "default", transit.Name, HostPlanOptions.TransitGatewayAddress));
            routes.Add(new RouteEntry(gw, "default", transit.GatewayName, HostPlanOptions.TransitRouterAddress, table));
            rules.Add(new RuleEntry(gw, "all", table, HostPlan.VpcRulePriority, mark));
        }
        if (share.Overlay)
        {
            // The router's own address in the overlay, and its VXLAN devices with the other hosts' routers on them: a compute-only
            // host's device to the gateway is its "transit", the way out, so the rules that mean "to or from the internet" hold on
            // every host; what came in through it is answered through it (the gateway translated it).
            addresses.Add(new(ns, HostPlan.GatewayLoopback, Overlay.RouterAddress(share.Me!.Id) + "/32"));
            foreach (var (device, vni, hosts) in share.TunnelsOf(vpcId, Overlay.VniOf(desired.Vpcs.GetValueOrDefault(vpcId), vpcId)))
            {
                tunnels.Add(new TunnelLink(ns, device, vni, HostPlan.TunnelMac(share.Me.Id, vni)));
                peers.AddRange(hosts.Select(h => new TunnelPeer(ns, device, Overlay.RouterAddress(h.Id), HostPlan.TunnelMac(h.Id, vni), h.UnderlayAddress)));
                if (device != HostPlanOptions.TransitName)
                    continue;
                var gateway = Overlay.RouterAddress(hosts[0].Id);
                routes.Add(new RouteEntry(ns, "default", device, gateway));
                routes.Add(new RouteEntry(ns, "default", device, gateway, HostPlan.ReturnTable));
                rules.Add(new RuleEntry(ns, "all", HostPlan.ReturnTable, HostPlan.ReturnTable, HostPlan.ReturnMark));
            }
        }
        if (share.Compute)
        {
            // What guests use as their gateway: each vSwitch's first host and each EIP pool's (DescribeEipGatewayInfo's gateway).
            foreach (var vSwitch in desired.VSwitches.Values.Where(v => v.VpcId == vpcId))
            {
                if (Ipv4Cidr.TryParse(vSwitch.CidrBlock, out var cidr))
                    addresses.Add(new AddressAssignment(ns, HostPlan.GatewayLoopback, Ipv4Cidr.Format(VSwitchAddressing.Gateway(cidr.Value)) + "/32"));
            }
            foreach (var pool in o.EipPools)
                addresses.Add(new AddressAssignment(ns, HostPlan.GatewayLoopback, Ipv4Cidr.Format(pool.Network + 1) + "/32"));
        }
        return new RouterFragment(vpcId, ns, share.RouterRole, transit, addresses.Distinct().ToList(), routes, rules, tunnels, peers);
    }
}
