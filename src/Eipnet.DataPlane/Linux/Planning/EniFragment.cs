using Eipnet.DataPlane.Linux.Nft;
using Eipnet.DataPlane.Linux.Topology;
using Eipnet.Domain.Addressing;
using Eipnet.Domain.Associations;
using Eipnet.Domain.Hosts;
using Eipnet.Domain.Resources;

namespace Eipnet.DataPlane.Linux.Planning;

/// <summary>What one ENI puts into its host's plan: its link, the addresses, routes and rules that exist for it, and its
/// elements in its router's table (anti-spoofing sources, cut-through's public-only mark, security-group verdicts, hairpin
/// source). Its EIPs' targets are <see cref="EipFragment"/>s; its groups' chains and members sets are its router's
/// (<see cref="RouterGroups"/>), made from <see cref="GroupIds"/> and <see cref="Own"/> of every ENI in the router.</summary>
/// <remarks>Depends on the ENI's record, whether its instance exists, its vSwitch, its active EIPs when any is not NAT (a NAT
/// EIP changes nothing here: SPEC, the instance never sees it; <see cref="OnlyNat"/>) and the options; nothing else.</remarks>
internal sealed record EniFragment(
    string EniId,
    string VpcId,
    EniLink? Link,
    string Router,
    string Port,
    IReadOnlyList<AddressAssignment> Addresses,
    IReadOnlyList<RouteEntry> Routes,
    IReadOnlyList<RuleEntry> Rules,
    IReadOnlyList<NftElement> Elements,
    IReadOnlyList<string> GroupIds,
    IReadOnlyList<string> Own,
    bool OnlyNat)
{
    /// <summary>The ENI's fragment on this host (<paramref name="share"/>): its link and all that goes with it when the ENI is
    /// here, routes through the overlay to its host (and its addresses for its groups' members sets) when it is elsewhere; null
    /// when this host has no way to it.</summary>
    public static EniFragment? For(NetworkInterface eni, DesiredState desired, HostPlanOptions o, HostShare share)
    {
        var vpcId = eni.VpcId ?? "";
        var rns = o.RouterNamespace(vpcId);
        var eniEips = desired.EipsOn(eni.NetworkInterfaceId).Values.Where(EipFragment.Active).OrderBy(e => e.IpAddress, StringComparer.Ordinal).ToList();
        var mode = eniEips.Count > 0 ? eniEips[0].Association!.Mode : AssociationMode.Nat; // one mode per ENI (SPEC)
        var attached = eni.InstanceId is { } iid && eni.Status is EniStatus.Attaching or EniStatus.InUse && desired.Instances.ContainsKey(iid);
        var routes = new Dictionary<(string, int, string), RouteEntry>(); // within one ENI the last write wins, as it always did
        var elements = new Dictionary<(string, string), string?>();
        var onlyNat = eniEips.All(e => e.Association!.Mode == AssociationMode.Nat);

        // The addresses this ENI may send from (anti-spoofing) and that its groups' members sets hold. Cut-through
        // replaces the private address (SPEC: the ENI keeps no private networking), multi-EIP adds its EIPs to it.
        var own = mode switch
        {
            AssociationMode.Binded => eniEips.Select(e => e.IpAddress).ToList(),
            AssociationMode.MultiBinded => eni.PrivateIpAddresses.Concat(eniEips.Select(e => e.IpAddress)).ToList(),
            _ => eni.PrivateIpAddresses.ToList(),
        };
        var groupIds = eni.SecurityGroupIds.Distinct().Order(StringComparer.Ordinal).ToList();
        // Across hosts the gateway knows a cut-through ENI by its EIPs: to and from the internet only.
        if (share.Overlay && share.Gateway && mode == AssociationMode.Binded)
            foreach (var eip in eniEips)
                elements[(HostPlan.PublicOnlyEipSet, eip.IpAddress)] = null;

        var host = share.HostOf(eni);
        if (!share.IsLocal(host))
        {
            // Another host has it: its addresses are reached through the overlay device to that host (the gateway routes EIPs
            // and private IPs there; compute hosts reach each other's ENIs directly), while attached.
            if (host is null || share.DeviceTo(host, vpcId) is not { } device)
                return null;
            var via = Overlay.RouterAddress(host.Id);
            if (attached && mode != AssociationMode.Binded)
                foreach (var ip in eni.PrivateIpAddresses)
                    Route(routes, rns, ip + "/32", device, via);
            if (attached && share.Gateway && mode != AssociationMode.Nat)
                foreach (var eip in eniEips)
                    Route(routes, rns, eip.IpAddress + "/32", device, via);
            return new EniFragment(eni.NetworkInterfaceId, vpcId, null, rns, device, [], routes.Values.ToList(), [],
                elements.Select(e => new NftElement(rns, e.Key.Item1, e.Key.Item2, e.Value)).ToList(), groupIds, own, onlyNat);
        }

        var ns = attached ? o.InstanceNamespace(eni.InstanceId!) : o.ParkingNamespace;
        var link = new EniLink(eni.NetworkInterfaceId, EniNames.Inside(eni.NetworkInterfaceId), EniNames.Gateway(eni.NetworkInterfaceId), eni.MacAddress, ns, rns);
        var port = Quote(link.GatewayName);
        var addresses = new List<AddressAssignment>();
        var rules = new List<RuleEntry>();
        foreach (var address in own)
            elements[(HostPlan.SourceSet, port + " . " + address)] = null;
        if (mode == AssociationMode.Binded && eniEips.Count > 0)
            elements[(HostPlan.PublicOnlySet, port)] = null;

        if (groupIds.Count > 0)
        {
            elements[(HostPlan.IngressMap, port)] = "jump " + SecurityGroupChains.InboundChain(groupIds);
            elements[(HostPlan.EgressMap, port)] = "jump " + SecurityGroupChains.OutboundChain(groupIds);
        }

        if (attached)
        {
            desired.VSwitches.TryGetValue(eni.VSwitchId, out var vSwitch);
            Ipv4Cidr? subnet = Ipv4Cidr.TryParse(vSwitch?.CidrBlock, out var c) ? c : null;
            var table = HostPlan.EniTableBase + eni.DeviceIndex;
            if (subnet is { } own4)
                elements[(HostPlan.HairpinSourceMap, port)] = Ipv4Cidr.Format(VSwitchAddressing.Gateway(own4));
            if (mode == AssociationMode.Binded)
            {
                // As DHCP would configure it: the EIP with its pool's mask and the pool's gateway; the image's per-ENI policy
                // routing sends what the EIP answers back through this ENI.
                foreach (var eip in eniEips)
                {
                    Ipv4Cidr.TryParseAddress(eip.IpAddress, out var a);
                    var pool = o.EipPools.Cast<Ipv4Cidr?>().FirstOrDefault(p => p!.Value.Contains(a));
                    addresses.Add(new AddressAssignment(ns, link.Name, $"{eip.IpAddress}/{pool?.PrefixLength ?? 32}"));
                    Route(routes, rns, eip.IpAddress + "/32", link.GatewayName, null);
                    if (pool is { } p)
                        Route(routes, ns, "default", link.Name, Ipv4Cidr.Format(p.Network + 1), table);
                    rules.Add(new RuleEntry(ns, eip.IpAddress, table, table));
                }
            }
            else
            {
                foreach (var ip in eni.PrivateIpAddresses)
                {
                    addresses.Add(new AddressAssignment(ns, link.Name, $"{ip}/{subnet?.PrefixLength ?? 32}"));
                    Route(routes, rns, ip + "/32", link.GatewayName, null);
                }
                // Only the primary ENI gets the default route: outbound through a secondary ENI is guest configuration (SPEC, Guest side).
                if (eni.Type == EniType.Primary && subnet is { } s)
                    Route(routes, ns, "default", link.Name, Ipv4Cidr.Format(VSwitchAddressing.Gateway(s)));
                else if (subnet is { } secondary)
                {
                    // A secondary ENI answers from its own addresses through itself (the image's policy routing).
                    Route(routes, ns, "default", link.Name, Ipv4Cidr.Format(VSwitchAddressing.Gateway(secondary)), table);
                    foreach (var address in own)
                        rules.Add(new RuleEntry(ns, address, table, table));
                }
                if (mode == AssociationMode.MultiBinded)
                    foreach (var eip in eniEips)
                        Route(routes, rns, eip.IpAddress + "/32", link.GatewayName, null); // the guest adds the address itself
            }
        }
        return new EniFragment(eni.NetworkInterfaceId, vpcId, link, rns, link.GatewayName, addresses.Distinct().ToList(), routes.Values.ToList(), rules.Distinct().ToList(),
            elements.Select(e => new NftElement(rns, e.Key.Item1, e.Key.Item2, e.Value)).ToList(), groupIds, own, onlyNat);
    }

    /// <summary>Whether the router's groups part (chains, members sets) may differ between the two fragments of one ENI.</summary>
    public static bool GroupsDiffer(EniFragment? before, EniFragment? after) =>
        before is null || after is null || before.Router != after.Router
        || !before.GroupIds.SequenceEqual(after.GroupIds, StringComparer.Ordinal) || !before.Own.SequenceEqual(after.Own, StringComparer.Ordinal);

    private static void Route(Dictionary<(string, int, string), RouteEntry> routes, string ns, string destination, string device, string? via, int table = 0) =>
        routes[(ns, table, destination)] = new RouteEntry(ns, destination, device, via, table);

    internal static string Quote(string name) => "\"" + name + "\"";
}
