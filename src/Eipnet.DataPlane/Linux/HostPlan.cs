using Eipnet.DataPlane.Linux.Nft;
using Eipnet.DataPlane.Linux.Topology;
using Eipnet.Domain.Addressing;
using Eipnet.Domain.Associations;
using Eipnet.Domain.Resources;

namespace Eipnet.DataPlane.Linux;

/// <summary>What this host must look like for one <see cref="DesiredState"/>: the nft table and the namespaces, ENI links,
/// addresses and routes (STYLE §9, "Translate"). Pure: no I/O.</summary>
/// <remarks>Topology: one gateway namespace holds the table, the uplink to the internet and the host end of every ENI's veth
/// pair; it routes each private IP and each untranslated EIP to its ENI with a /32 device route, and answers ARP for the
/// guests by proxy, so host ends carry no address. Every ENI exists as a link: in its instance's namespace while attached
/// (Attaching or InUse), in the parking namespace otherwise.</remarks>
public sealed record HostPlan(
    long Revision,
    IReadOnlySet<string> Namespaces,
    IReadOnlyDictionary<string, EniLink> Links,
    IReadOnlySet<AddressAssignment> Addresses,
    IReadOnlyDictionary<(string Namespace, int Table, string Destination), RouteEntry> Routes,
    IReadOnlySet<RuleEntry> Rules,
    IReadOnlyDictionary<string, EipTarget> EipTargets,
    NftTable Table)
{
    public const string DnatMap = "dnat_v4", SnatMap = "snat_v4", RoutedMap = "routed_v4";
    public const string SourceSet = "eni_src", IngressMap = "eni_ingress", EgressMap = "eni_egress";

    /// <summary>Gateway ends of cut-through ENIs: they talk to the internet only (no private networking, SPEC).</summary>
    public const string PublicOnlySet = "eni_public_only";

    /// <summary>VPC isolation: each ENI's gateway end to its VPC's mark, and the (gateway end . mark) pairs that belong
    /// together; a new flow between two ENIs passes only if both are in one VPC.</summary>
    public const string VpcMap = "eni_vpc", VpcPortSet = "vpc_ports";

    /// <summary>A VPC's mark: FNV-1a of its id, stable across restarts and independent of the other VPCs.</summary>
    public static uint VpcMark(string? vpcId)
    {
        var hash = 2166136261u;
        foreach (var c in vpcId ?? "")
            hash = (hash ^ c) * 16777619u;
        return hash == 0 ? 1 : hash;
    }

    /// <summary>The gateway's loopback, which holds the addresses guests use as their gateway (vSwitch and EIP-pool gateways),
    /// so the gateway answers ARP for them on every ENI.</summary>
    public const string GatewayLoopback = "lo";

    /// <summary>Policy-routing table (and rule priority) of a secondary ENI inside its instance: this base plus its device index.</summary>
    public const int EniTableBase = 1000;

    public static HostPlan For(DesiredState desired, HostPlanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var o = options ?? HostPlanOptions.Default;
        var gw = o.GatewayNamespace;

        var active = desired.Eips.Values
            .Where(e => e.Association is not null && e.Status is EipStatus.Associating or EipStatus.InUse)
            .ToList();
        var eipsByEni = active.ToLookup(e => e.Association!.NetworkInterfaceId);

        var namespaces = new SortedSet<string>(StringComparer.Ordinal) { gw, o.ParkingNamespace };
        foreach (var id in desired.Instances.Keys)
            namespaces.Add(o.InstanceNamespace(id));

        var links = new SortedDictionary<string, EniLink>(StringComparer.Ordinal);
        var addresses = new HashSet<AddressAssignment>();
        var routes = new SortedDictionary<(string, int, string), RouteEntry>();
        var rules = new HashSet<RuleEntry>();
        var targets = new SortedDictionary<string, EipTarget>(StringComparer.Ordinal);
        var dnat = Elements();
        var snat = Elements();
        var routed = Elements();
        var sources = Elements();
        var publicOnly = Elements();
        var vpcOf = Elements();
        var vpcPorts = Elements();
        var ingress = Elements();
        var egress = Elements();
        var members = new SortedDictionary<string, SortedDictionary<string, string?>>(StringComparer.Ordinal);
        var chains = new SortedDictionary<string, NftChain>(StringComparer.Ordinal);

        // What guests use as their gateway: each vSwitch's first host and each EIP pool's (DescribeEipGatewayInfo's gateway).
        foreach (var vSwitch in desired.VSwitches.Values)
        {
            if (Ipv4Cidr.TryParse(vSwitch.CidrBlock, out var cidr))
                addresses.Add(new AddressAssignment(gw, GatewayLoopback, Ipv4Cidr.Format(VSwitchAddressing.Gateway(cidr.Value)) + "/32"));
        }
        foreach (var pool in o.EipPools)
            addresses.Add(new AddressAssignment(gw, GatewayLoopback, Ipv4Cidr.Format(pool.Network + 1) + "/32"));

        foreach (var eni in desired.NetworkInterfaces.Values)
        {
            var eniEips = eipsByEni[eni.NetworkInterfaceId].OrderBy(e => e.IpAddress, StringComparer.Ordinal).ToList();
            var mode = eniEips.Count > 0 ? eniEips[0].Association!.Mode : AssociationMode.Nat; // one mode per ENI (SPEC)
            var attached = eni.InstanceId is { } iid && eni.Status is EniStatus.Attaching or EniStatus.InUse && desired.Instances.ContainsKey(iid);
            var ns = attached ? o.InstanceNamespace(eni.InstanceId!) : o.ParkingNamespace;
            var link = new EniLink(eni.NetworkInterfaceId, EniNames.Inside(eni.NetworkInterfaceId), EniNames.Gateway(eni.NetworkInterfaceId), eni.MacAddress, ns);
            links[link.EniId] = link;
            var port = Quote(link.GatewayName);

            // The addresses this ENI may send from (anti-spoofing) and that its groups' members sets hold. Cut-through
            // replaces the private address (SPEC: the ENI keeps no private networking), multi-EIP adds its EIPs to it.
            var own = mode switch
            {
                AssociationMode.Binded => eniEips.Select(e => e.IpAddress).ToList(),
                AssociationMode.MultiBinded => eni.PrivateIpAddresses.Concat(eniEips.Select(e => e.IpAddress)).ToList(),
                _ => eni.PrivateIpAddresses.ToList(),
            };
            foreach (var address in own)
                sources[port + " . " + address] = null;
            if (mode == AssociationMode.Binded && eniEips.Count > 0)
                publicOnly[port] = null;
            var mark = VpcMark(eni.VpcId).ToString(System.Globalization.CultureInfo.InvariantCulture);
            vpcOf[port] = mark;
            vpcPorts[port + " . " + mark] = null;

            var groupIds = eni.SecurityGroupIds.Distinct().Order(StringComparer.Ordinal).ToList();
            if (groupIds.Count > 0)
            {
                ingress[port] = "jump " + SecurityGroupChains.InboundChain(groupIds);
                egress[port] = "jump " + SecurityGroupChains.OutboundChain(groupIds);
                var inbound = SecurityGroupChains.Inbound(groupIds, desired.SecurityGroups);
                var outbound = SecurityGroupChains.Outbound(groupIds, desired.SecurityGroups);
                chains[inbound.Name] = inbound;
                chains[outbound.Name] = outbound;
                foreach (var id in groupIds)
                    foreach (var address in own)
                        Members(members, id)[address] = null;
                foreach (var peer in SecurityGroupChains.PeerGroups(groupIds, desired.SecurityGroups))
                    Members(members, peer);
            }

            if (!attached)
                continue;
            desired.VSwitches.TryGetValue(eni.VSwitchId, out var vSwitch);
            Ipv4Cidr? subnet = Ipv4Cidr.TryParse(vSwitch?.CidrBlock, out var c) ? c : null;
            var table = EniTableBase + eni.DeviceIndex;
            if (mode == AssociationMode.Binded)
            {
                // As DHCP would configure it: the EIP with its pool's mask and the pool's gateway; the image's per-ENI policy
                // routing sends what the EIP answers back through this ENI.
                foreach (var eip in eniEips)
                {
                    Ipv4Cidr.TryParseAddress(eip.IpAddress, out var a);
                    var pool = o.EipPools.Cast<Ipv4Cidr?>().FirstOrDefault(p => p!.Value.Contains(a));
                    addresses.Add(new AddressAssignment(ns, link.Name, $"{eip.IpAddress}/{pool?.PrefixLength ?? 32}"));
                    Route(routes, gw, eip.IpAddress + "/32", link.GatewayName, null);
                    if (pool is { } p)
                        Route(routes, ns, "default", link.Name, Ipv4Cidr.Format(p.Network + 1), table);
                    rules.Add(new RuleEntry(ns, eip.IpAddress, table, table));
                }
                continue;
            }
            foreach (var ip in eni.PrivateIpAddresses)
            {
                addresses.Add(new AddressAssignment(ns, link.Name, $"{ip}/{subnet?.PrefixLength ?? 32}"));
                Route(routes, gw, ip + "/32", link.GatewayName, null);
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
                    Route(routes, gw, eip.IpAddress + "/32", link.GatewayName, null); // the guest adds the address itself
        }

        foreach (var eip in active)
        {
            var a = eip.Association!;
            links.TryGetValue(a.NetworkInterfaceId, out var link);
            targets[eip.IpAddress] = new EipTarget(eip.IpAddress, a.NetworkInterfaceId, a.PrivateIpAddress, a.Mode, link?.Namespace) { AllocationId = eip.AllocationId };
            if (a.Mode == AssociationMode.Nat)
            {
                dnat[eip.IpAddress] = a.PrivateIpAddress;
                snat[a.PrivateIpAddress] = eip.IpAddress;
            }
            else if (link is not null)
            {
                routed[eip.IpAddress] = Quote(link.GatewayName);
            }
        }

        var sets = new SortedDictionary<string, NftSet>(StringComparer.Ordinal)
        {
            [DnatMap] = new("map", DnatMap, "ipv4_addr : ipv4_addr", dnat),
            [SnatMap] = new("map", SnatMap, "ipv4_addr : ipv4_addr", snat),
            [RoutedMap] = new("map", RoutedMap, "ipv4_addr : ifname", routed),
            [SourceSet] = new("set", SourceSet, "ifname . ipv4_addr", sources),
            [PublicOnlySet] = new("set", PublicOnlySet, "ifname", publicOnly),
            [VpcMap] = new("map", VpcMap, "ifname : mark", vpcOf),
            [VpcPortSet] = new("set", VpcPortSet, "ifname . mark", vpcPorts),
            [IngressMap] = new("map", IngressMap, "ifname : verdict", ingress),
            [EgressMap] = new("map", EgressMap, "ifname : verdict", egress),
        };
        foreach (var (groupId, elements) in members)
        {
            var name = SecurityGroupChains.MembersSet(groupId);
            sets[name] = new NftSet("set", name, "ipv4_addr", elements);
        }
        foreach (var chain in BaseChains(o))
            chains[chain.Name] = chain;

        return new HostPlan(desired.Revision, namespaces, links, addresses, routes, rules, targets, new NftTable("ip", o.TableName, sets, chains));
    }

    /// <summary>The chains every plan has; they only look things up in the maps, so they never change.</summary>
    private static IEnumerable<NftChain> BaseChains(HostPlanOptions o) =>
    [
        // Before conntrack (raw): a spoofed packet is dropped before it can create a flow.
        new("guard_source", "type filter hook prerouting priority raw; policy accept;",
            [$"iifname \"{EniNames.GatewayMarker}*\" iifname . ip saddr != @{SourceSet} drop"]),
        // Only traffic from the internet is translated: one lookup whatever the number of EIPs; a miss leaves the packet alone.
        new("nat_inbound", "type nat hook prerouting priority dstnat; policy accept;",
            [$"iifname \"{o.UplinkName}\" dnat to ip daddr map @{DnatMap}"]),
        new("nat_outbound", "type nat hook postrouting priority srcnat; policy accept;",
            [$"oifname \"{o.UplinkName}\" snat to ip saddr map @{SnatMap}"]),
        // Stateful: replies pass; a new flow goes through the sender's outbound chain, then the receiver's inbound chain.
        new("filter_forward", "type filter hook forward priority filter; policy accept;",
        [
            "ct state established,related accept",
            "ct state invalid drop",
            $"iifname @{PublicOnlySet} oifname != \"{o.UplinkName}\" drop",
            $"oifname @{PublicOnlySet} iifname != \"{o.UplinkName}\" drop",
            $"iifname \"{EniNames.GatewayMarker}*\" oifname \"{EniNames.GatewayMarker}*\" meta mark set iifname map @{VpcMap}",
            $"iifname \"{EniNames.GatewayMarker}*\" oifname \"{EniNames.GatewayMarker}*\" oifname . meta mark != @{VpcPortSet} drop",
            $"iifname vmap @{EgressMap}",
            $"oifname vmap @{IngressMap}",
        ]),
    ];

    private static SortedDictionary<string, string?> Elements() => new(StringComparer.Ordinal);

    private static SortedDictionary<string, string?> Members(SortedDictionary<string, SortedDictionary<string, string?>> members, string groupId)
    {
        if (!members.TryGetValue(groupId, out var set))
            members[groupId] = set = Elements();
        return set;
    }

    private static void Route(SortedDictionary<(string, int, string), RouteEntry> routes, string ns, string destination, string device, string? via, int table = 0) =>
        routes[(ns, table, destination)] = new RouteEntry(ns, destination, device, via, table);

    private static string Quote(string name) => "\"" + name + "\"";
}
