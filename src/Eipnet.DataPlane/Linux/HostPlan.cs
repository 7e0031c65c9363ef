using Eipnet.DataPlane.Linux.Nft;
using Eipnet.DataPlane.Linux.Topology;
using Eipnet.Domain.Addressing;
using Eipnet.Domain.Associations;
using Eipnet.Domain.Hosts;
using Eipnet.Domain.Resources;

namespace Eipnet.DataPlane.Linux;

/// <summary>What this host must look like for one <see cref="DesiredState"/>: the nft tables and the namespaces, links,
/// addresses, routes and rules (STYLE §9, "Translate"). Pure: no I/O.</summary>
/// <remarks>Topology: every VPC is a routing domain of its own, a router namespace (its own routes, conntrack and nft table)
/// that holds the host end of each of the VPC's ENIs, routes each private IP and each untranslated EIP to its ENI with a /32
/// device route, answers ARP for the guests by proxy (host ends carry no address), translates its NAT EIPs and enforces its
/// security groups. Routers reach the internet through the gateway namespace over a transit veth pair; the gateway holds
/// the uplink, marks traffic to an EIP with its VPC's mark (one map lookup) and routes each mark to its VPC's router (a rule
/// and a table per VPC). So two VPCs may use identical CIDRs: nothing of one is in the other's routing table or conntrack.
/// Every ENI exists as a link: in its instance's namespace while attached (Attaching or InUse), in the parking namespace
/// otherwise, with its host end in its VPC's router.</remarks>
public sealed record HostPlan(
    long Revision,
    IReadOnlySet<string> Namespaces,
    IReadOnlySet<string> Routers,
    IReadOnlyDictionary<string, EniLink> Links,
    IReadOnlySet<AddressAssignment> Addresses,
    IReadOnlyDictionary<(string Namespace, int Table, string Destination), RouteEntry> Routes,
    IReadOnlySet<RuleEntry> Rules,
    IReadOnlyDictionary<string, EipTarget> EipTargets,
    IReadOnlyDictionary<string, NftTable> Tables)
{
    /// <summary>The VXLAN devices of this host's routers (several hosts only), by <see cref="TunnelLink.Key"/>.</summary>
    public IReadOnlyDictionary<string, TunnelLink> Tunnels { get; init; } = new Dictionary<string, TunnelLink>(StringComparer.Ordinal);

    /// <summary>The other hosts' routers on those devices.</summary>
    public IReadOnlySet<TunnelPeer> TunnelPeers { get; init; } = new HashSet<TunnelPeer>();

    public const string DnatMap = "dnat_v4", SnatMap = "snat_v4", RoutedMap = "routed_v4";

    /// <summary>A VXLAN device's MAC, the same whenever it is made again and unique on its VNI: locally administered, from its
    /// host's number (16 bits) and the VNI.</summary>
    public static string TunnelMac(int hostId, int vni) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"0a:{(hostId >> 8) & 0xff:x2}:{hostId & 0xff:x2}:{(vni >> 16) & 0xff:x2}:{(vni >> 8) & 0xff:x2}:{vni & 0xff:x2}");
    public const string SourceSet = "eni_src", IngressMap = "eni_ingress", EgressMap = "eni_egress";

    /// <summary>In a gateway's router with several hosts: the cut-through EIPs, whose ENIs talk to the internet only.</summary>
    public const string PublicOnlyEipSet = "eip_public_only";

    /// <summary>Gateway ends of cut-through ENIs: they talk to the internet only (no private networking, SPEC).</summary>
    public const string PublicOnlySet = "eni_public_only";

    /// <summary>In a router: each ENI's host end to its vSwitch's gateway address, the source a hairpinned packet from an ENI
    /// without a NAT EIP takes.</summary>
    public const string HairpinSourceMap = "eni_gateway";

    /// <summary>In the gateway: each EIP to its VPC's mark, which a rule turns into the VPC's routing table.</summary>
    public const string EipVpcMap = "eip_vpc";

    /// <summary>A VPC's mark: FNV-1a of its id, stable across restarts and independent of the other VPCs.</summary>
    public static uint VpcMark(string? vpcId)
    {
        var hash = 2166136261u;
        foreach (var c in vpcId ?? "")
            hash = (hash ^ c) * 16777619u;
        return hash == 0 ? 1 : hash;
    }

    /// <summary>The gateway's routing table for a VPC: from its mark, clear of the kernel's reserved tables (0, 253-255) and of
    /// the instance tables (1000 + device index).</summary>
    public static int VpcTable(string? vpcId) => (int)(VpcMark(vpcId) & 0x3FFFFFFF) + 0x10000;

    /// <summary>Priority of the gateway's per-VPC mark rules (before the main table's 32766).</summary>
    public const int VpcRulePriority = 100;

    /// <summary>The router's loopback, which holds the addresses guests use as their gateway (vSwitch and EIP-pool gateways),
    /// so the router answers ARP for them on every ENI.</summary>
    public const string GatewayLoopback = "lo";

    /// <summary>Policy-routing table (and rule priority) of a secondary ENI inside its instance: this base plus its device index.</summary>
    public const int EniTableBase = 1000;

    /// <summary>The gateway end of a VPC's transit link: "t" and 14 characters of the VPC id.</summary>
    public static string TransitGatewayName(string vpcId) => TransitMarker + EniNames.Suffix(vpcId, "vpc-");

    public static HostPlan For(DesiredState desired, HostPlanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var o = options ?? HostPlanOptions.Default;
        var gw = o.GatewayNamespace;
        var share = HostShare.Of(desired, o);

        var active = desired.Eips.Values
            .Where(e => e.Association is not null && e.Status is EipStatus.Associating or EipStatus.InUse)
            .ToList();
        var eipsByEni = active.ToLookup(e => e.Association!.NetworkInterfaceId);

        var namespaces = new SortedSet<string>(StringComparer.Ordinal);
        if (share.Gateway)
            namespaces.Add(gw);
        if (share.Compute)
            namespaces.Add(o.ParkingNamespace);
        foreach (var instance in desired.Instances.Values.Where(share.IsLocal))
            namespaces.Add(o.InstanceNamespace(instance.InstanceId));

        var links = new SortedDictionary<string, EniLink>(StringComparer.Ordinal);
        var tunnels = new SortedDictionary<string, TunnelLink>(StringComparer.Ordinal);
        var tunnelPeers = new HashSet<TunnelPeer>();
        var addresses = new HashSet<AddressAssignment>();
        var routes = new SortedDictionary<(string, int, string), RouteEntry>();
        var rules = new HashSet<RuleEntry>();
        var targets = new SortedDictionary<string, EipTarget>(StringComparer.Ordinal);
        var eipVpc = Elements();
        var routers = new SortedDictionary<string, RouterTable>(StringComparer.Ordinal);
        // Where each ENI's traffic goes from this host: its host end here, or the tunnel to the host that has it.
        var eniPorts = new Dictionary<string, (string Router, string Device, string? Via, bool Local)>(StringComparer.Ordinal);

        RouterTable RouterOf(string vpcId)
        {
            var ns = o.RouterNamespace(vpcId);
            if (routers.TryGetValue(ns, out var existing))
                return existing;
            var router = routers[ns] = new RouterTable();
            namespaces.Add(ns);
            if (share.Gateway)
            {
                var mark = VpcMark(vpcId);
                var table = VpcTable(vpcId);
                var transit = new EniLink(EniLink.TransitPrefix + vpcId, HostPlanOptions.TransitName, TransitGatewayName(vpcId),
                    "02:00:" + string.Join(':', BitConverter.GetBytes(mark).Reverse().Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture))),
                    ns, gw);
                links[transit.EniId] = transit;
                addresses.Add(new AddressAssignment(gw, transit.GatewayName, HostPlanOptions.TransitGatewayAddress + "/32"));
                addresses.Add(new AddressAssignment(ns, transit.Name, HostPlanOptions.TransitRouterAddress + "/32"));
                Route(routes, ns, "default", transit.Name, HostPlanOptions.TransitGatewayAddress);
                Route(routes, gw, "default", transit.GatewayName, HostPlanOptions.TransitRouterAddress, table);
                rules.Add(new RuleEntry(gw, "all", table, VpcRulePriority, mark));
            }
            if (share.Overlay)
            {
                // The router's own address in the overlay, and its VXLAN devices with the other hosts' routers on them: a
                // compute-only host's device to the gateway is its "transit", the way out, so the rules that mean "to or from the
                // internet" hold on every host.
                router.OverlayAddress = Overlay.RouterAddress(share.Me!.Id);
                router.Role = share.Gateway ? RouterRole.Gateway : RouterRole.Compute;
                addresses.Add(new AddressAssignment(ns, GatewayLoopback, router.OverlayAddress + "/32"));
                foreach (var (device, vni, peers) in share.TunnelsOf(vpcId, Overlay.VniOf(desired.Vpcs.GetValueOrDefault(vpcId), vpcId)))
                {
                    var tunnel = new TunnelLink(ns, device, vni, TunnelMac(share.Me.Id, vni));
                    tunnels[tunnel.Key] = tunnel;
                    foreach (var peer in peers)
                        tunnelPeers.Add(new TunnelPeer(ns, device, Overlay.RouterAddress(peer.Id), TunnelMac(peer.Id, vni), peer.UnderlayAddress));
                    if (device == HostPlanOptions.TransitName)
                    {
                        Route(routes, ns, "default", device, Overlay.RouterAddress(peers[0].Id));
                        Route(routes, ns, "default", device, Overlay.RouterAddress(peers[0].Id), ReturnTable);
                        rules.Add(new RuleEntry(ns, "all", ReturnTable, ReturnTable, ReturnMark));
                    }
                }
            }
            if (share.Compute)
            {
                // What guests use as their gateway: each vSwitch's first host and each EIP pool's (DescribeEipGatewayInfo's gateway).
                foreach (var vSwitch in desired.VSwitches.Values.Where(v => v.VpcId == vpcId))
                {
                    if (Ipv4Cidr.TryParse(vSwitch.CidrBlock, out var cidr))
                        addresses.Add(new AddressAssignment(ns, GatewayLoopback, Ipv4Cidr.Format(VSwitchAddressing.Gateway(cidr.Value)) + "/32"));
                }
                foreach (var pool in o.EipPools)
                    addresses.Add(new AddressAssignment(ns, GatewayLoopback, Ipv4Cidr.Format(pool.Network + 1) + "/32"));
            }
            return router;
        }

        // Routers first: a remote ENI's routes and group members go into the router of its VPC here, if there is one.
        foreach (var vpcId in desired.NetworkInterfaces.Values.Where(share.HasRouterFor).Select(n => n.VpcId ?? "").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            RouterOf(vpcId);

        foreach (var eni in desired.NetworkInterfaces.Values)
        {
            var vpcId = eni.VpcId ?? "";
            var rns = o.RouterNamespace(vpcId);
            if (!routers.TryGetValue(rns, out var router))
                continue; // a VPC this host has no part in
            var eniEips = eipsByEni[eni.NetworkInterfaceId].OrderBy(e => e.IpAddress, StringComparer.Ordinal).ToList();
            var mode = eniEips.Count > 0 ? eniEips[0].Association!.Mode : AssociationMode.Nat; // one mode per ENI (SPEC)
            var attached = eni.InstanceId is { } iid && eni.Status is EniStatus.Attaching or EniStatus.InUse && desired.Instances.ContainsKey(iid);
            var own = mode switch
            {
                AssociationMode.Binded => eniEips.Select(e => e.IpAddress).ToList(),
                AssociationMode.MultiBinded => eni.PrivateIpAddresses.Concat(eniEips.Select(e => e.IpAddress)).ToList(),
                _ => eni.PrivateIpAddresses.ToList(),
            };
            var groupIds = eni.SecurityGroupIds.Distinct().Order(StringComparer.Ordinal).ToList();
            foreach (var id in groupIds)
                foreach (var address in own)
                    Members(router.Members, id)[address] = null;

            if (share.Overlay && share.Gateway && mode == AssociationMode.Binded)
                foreach (var eip in eniEips)
                    router.PublicOnlyEips[eip.IpAddress] = null;

            var host = share.HostOf(eni);
            if (!share.IsLocal(host))
            {
                // Another host has it: its addresses are reached through the tunnel to that host (the gateway routes EIPs and
                // private IPs there; compute hosts reach each other's ENIs directly), when attached.
                if (host is null || share.DeviceTo(host, vpcId) is not { } device)
                    continue;
                var via = Overlay.RouterAddress(host.Id);
                eniPorts[eni.NetworkInterfaceId] = (rns, device, via, false);
                if (!attached)
                    continue;
                if (mode != AssociationMode.Binded)
                    foreach (var ip in eni.PrivateIpAddresses)
                        Route(routes, rns, ip + "/32", device, via);
                if (share.Gateway && mode != AssociationMode.Nat)
                    foreach (var eip in eniEips)
                        Route(routes, rns, eip.IpAddress + "/32", device, via);
                continue;
            }

            var ns = attached ? o.InstanceNamespace(eni.InstanceId!) : o.ParkingNamespace;
            var link = new EniLink(eni.NetworkInterfaceId, EniNames.Inside(eni.NetworkInterfaceId), EniNames.Gateway(eni.NetworkInterfaceId), eni.MacAddress, ns, rns);
            links[link.EniId] = link;
            eniPorts[eni.NetworkInterfaceId] = (rns, link.GatewayName, null, true);
            var port = Quote(link.GatewayName);

            // The addresses this ENI may send from (anti-spoofing) and that its groups' members sets hold. Cut-through
            // replaces the private address (SPEC: the ENI keeps no private networking), multi-EIP adds its EIPs to it.
            foreach (var address in own)
                router.Sources[port + " . " + address] = null;
            if (mode == AssociationMode.Binded && eniEips.Count > 0)
                router.PublicOnly[port] = null;

            if (groupIds.Count > 0)
            {
                router.Ingress[port] = "jump " + SecurityGroupChains.InboundChain(groupIds);
                router.Egress[port] = "jump " + SecurityGroupChains.OutboundChain(groupIds);
                var inbound = SecurityGroupChains.Inbound(groupIds, desired.SecurityGroups);
                var outbound = SecurityGroupChains.Outbound(groupIds, desired.SecurityGroups);
                router.Chains[inbound.Name] = inbound;
                router.Chains[outbound.Name] = outbound;
                foreach (var peer in SecurityGroupChains.PeerGroups(groupIds, desired.SecurityGroups))
                    Members(router.Members, peer);
            }

            if (!attached)
                continue;
            desired.VSwitches.TryGetValue(eni.VSwitchId, out var vSwitch);
            Ipv4Cidr? subnet = Ipv4Cidr.TryParse(vSwitch?.CidrBlock, out var c) ? c : null;
            var table = EniTableBase + eni.DeviceIndex;
            if (subnet is { } own4)
                router.HairpinSources[port] = Ipv4Cidr.Format(VSwitchAddressing.Gateway(own4));
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
                continue;
            }
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

        // EIPs are the gateway's: it steers each to its VPC's router, which translates (NAT) or routes it (cut-through,
        // multi-EIP) to the ENI, here or through the tunnel to the ENI's host.
        foreach (var eip in active.Where(_ => share.Gateway))
        {
            var a = eip.Association!;
            if (!eniPorts.TryGetValue(a.NetworkInterfaceId, out var port))
                continue; // an ENI no host has: nothing to steer to
            var router = routers[port.Router];
            targets[eip.IpAddress] = new EipTarget(eip.IpAddress, a.NetworkInterfaceId, a.PrivateIpAddress, a.Mode,
                links.TryGetValue(a.NetworkInterfaceId, out var link) ? link.Namespace : null)
            {
                AllocationId = eip.AllocationId,
                Router = port.Router,
            };
            eipVpc[eip.IpAddress] = Mark(o.VpcOfRouter(port.Router));
            if (a.Mode == AssociationMode.Nat)
            {
                router.Dnat[eip.IpAddress] = a.PrivateIpAddress;
                router.Snat[a.PrivateIpAddress] = eip.IpAddress;
            }
            else
            {
                router.Routed[eip.IpAddress] = Quote(port.Device);
            }
        }

        var tables = new SortedDictionary<string, NftTable>(StringComparer.Ordinal);
        if (share.Gateway)
            tables[gw] = GatewayTable(o, eipVpc);
        foreach (var (ns, router) in routers)
            tables[ns] = router.Render(o);
        return new HostPlan(desired.Revision, namespaces, new SortedSet<string>(routers.Keys, StringComparer.Ordinal), links, addresses, routes, rules, targets, tables)
        {
            Tunnels = tunnels,
            TunnelPeers = tunnelPeers,
        };
    }

    /// <summary>Every table, each behind a "# NAMESPACE" line, the gateway's first (the golden files hold this).</summary>
    public string RenderTables() => string.Concat(Tables.OrderBy(t => Routers.Contains(t.Key) ? 1 : 0).ThenBy(t => t.Key, StringComparer.Ordinal).Select(t => $"# {t.Key}\n{t.Value.Render()}"));

    /// <summary>The mark as nft writes a map value.</summary>
    public static string Mark(string? vpcId) => VpcMark(vpcId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The gateway's table: traffic from the internet to an EIP gets its VPC's mark, before routing.</summary>
    /// <remarks>From a router too: an EIP is a public address, which any VPC reaches as the internet does (and a VPC its own
    /// EIPs: hairpin). Between routers only EIPs travel: a private source from one VPC could be an address of another.</remarks>
    private static NftTable GatewayTable(HostPlanOptions o, SortedDictionary<string, string?> eipVpc) => new("ip", o.TableName,
        new SortedDictionary<string, NftSet>(StringComparer.Ordinal)
        {
            [EipVpcMap] = new("map", EipVpcMap, "ipv4_addr : mark", eipVpc),
            [EipSet] = new("set", EipSet, "ipv4_addr", new SortedDictionary<string, string?>(eipVpc.ToDictionary(e => e.Key, _ => (string?)null), StringComparer.Ordinal)),
        },
        new SortedDictionary<string, NftChain>(StringComparer.Ordinal)
        {
            ["steer"] = new("steer", "type filter hook prerouting priority mangle; policy accept;",
                [$"iifname {{ \"{o.UplinkName}\", \"{TransitMarker}*\" }} meta mark set ip daddr map @{EipVpcMap}"]),
            ["between_vpcs"] = new("between_vpcs", "type filter hook forward priority filter; policy accept;",
                [$"iifname \"{TransitMarker}*\" oifname \"{TransitMarker}*\" ip saddr != @{EipSet} drop"]),
        });

    /// <summary>In the gateway: every active EIP (the sources that may pass from one VPC's router to another's).</summary>
    public const string EipSet = "eips";

    /// <summary>A router's part with several hosts: the gateway's (NAT, EIPs) or a compute host's (ENIs, security groups).</summary>
    private enum RouterRole
    {
        Single,
        Gateway,
        Compute,
    }

    /// <summary>In a compute host's router: the connection mark of flows that came in through its transit, the packet mark of
    /// their answers, and the table (and rule priority) that sends those back through the transit.</summary>
    public const int ReturnMark = 1, ReturnTable = 200;

    /// <summary>The first letter of a transit link's gateway end.</summary>
    public const string TransitMarker = "t";


    /// <summary>What one VPC router's table holds, filled while planning.</summary>
    private sealed class RouterTable
    {
        public SortedDictionary<string, string?> Dnat { get; } = Elements();
        public SortedDictionary<string, string?> Snat { get; } = Elements();
        public SortedDictionary<string, string?> Routed { get; } = Elements();
        public SortedDictionary<string, string?> Sources { get; } = Elements();
        public SortedDictionary<string, string?> PublicOnly { get; } = Elements();
        public SortedDictionary<string, string?> PublicOnlyEips { get; } = Elements();
        public SortedDictionary<string, string?> Ingress { get; } = Elements();
        public SortedDictionary<string, string?> Egress { get; } = Elements();
        public SortedDictionary<string, string?> HairpinSources { get; } = Elements();
        public SortedDictionary<string, SortedDictionary<string, string?>> Members { get; } = new(StringComparer.Ordinal);
        public SortedDictionary<string, NftChain> Chains { get; } = new(StringComparer.Ordinal);

        /// <summary>The router's address in the overlay (several hosts only).</summary>
        public string? OverlayAddress { get; set; }

        public RouterRole Role { get; set; }

        public NftTable Render(HostPlanOptions o)
        {
            var sets = new SortedDictionary<string, NftSet>(StringComparer.Ordinal)
            {
                [DnatMap] = new("map", DnatMap, "ipv4_addr : ipv4_addr", Dnat),
                [SnatMap] = new("map", SnatMap, "ipv4_addr : ipv4_addr", Snat),
                [RoutedMap] = new("map", RoutedMap, "ipv4_addr : ifname", Routed),
                [SourceSet] = new("set", SourceSet, "ifname . ipv4_addr", Sources),
                [PublicOnlySet] = new("set", PublicOnlySet, "ifname", PublicOnly),
                [IngressMap] = new("map", IngressMap, "ifname : verdict", Ingress),
                [EgressMap] = new("map", EgressMap, "ifname : verdict", Egress),
                [HairpinSourceMap] = new("map", HairpinSourceMap, "ifname : ipv4_addr", HairpinSources),
            };
            if (Role == RouterRole.Gateway)
                sets[PublicOnlyEipSet] = new NftSet("set", PublicOnlyEipSet, "ipv4_addr", PublicOnlyEips);
            foreach (var (groupId, elements) in Members)
            {
                var name = SecurityGroupChains.MembersSet(groupId);
                sets[name] = new NftSet("set", name, "ipv4_addr", elements);
            }
            var chains = new SortedDictionary<string, NftChain>(Chains, StringComparer.Ordinal);
            foreach (var chain in RouterChains(Role))
                chains[chain.Name] = chain;
            return new NftTable("ip", o.TableName, sets, chains);
        }
    }

    /// <summary>The chains every router has; they only look things up in the maps, so they never change.</summary>
    /// <remarks>With several hosts, a gateway's router reaches the VPC's compute hosts through its VXLAN device: a packet from another host's ENI to a NAT EIP of this VPC is translated here as one from a local ENI is, and,
    /// as the answer must come back through this router, takes the sender's NAT EIP or this router's overlay address as its
    /// source (the vSwitch gateway address would be answered by the target's own router).</remarks>
    private static IEnumerable<NftChain> RouterChains(RouterRole overlay)
    {
        const string transit = HostPlanOptions.TransitName;
        var tunnel = $"\"{HostShare.NorthSouthDevice}\"";
        // Across hosts the gateway sees a cut-through ENI's traffic by its EIP: to or from the internet only.
        string[] publicOnlyEips = overlay == RouterRole.Gateway
            ? [$"ip daddr @{PublicOnlyEipSet} iifname != \"{transit}\" drop", $"ip saddr @{PublicOnlyEipSet} oifname != \"{transit}\" drop"]
            : [];
        string[] overlayInbound = overlay == RouterRole.Gateway ? [$"iifname {tunnel} dnat to ip daddr map @{DnatMap}"] : [];
        // An instance that reached its own NAT EIP gets its own packet back through the transit: it would drop a packet from
        // its own address, so the router gives it its vSwitch's gateway address (answered through the transit, return_path).
        string[] selfHairpin = overlay == RouterRole.Compute
            ? [$"iifname \"{transit}\" oifname . ip saddr @{SourceSet} snat to oifname map @{HairpinSourceMap}"]
            : [];
        NftChain[] returnPath = overlay != RouterRole.Compute ? [] :
        [
            // A compute host's router answers through its transit what came in through it (from the internet, or translated by
            // the gateway: hairpin), so the gateway that translated it sees the answer; the VPC's own traffic goes direct.
            new("return_path", "type filter hook prerouting priority mangle; policy accept;",
            [
                $"iifname \"{transit}\" ct state new ct mark set {ReturnMark}",
                $"iifname \"{EniNames.GatewayMarker}*\" ct mark {ReturnMark} meta mark set {ReturnMark}",
            ]),
        ];
        return
        [
            .. returnPath,
            // Before conntrack (raw): a spoofed packet is dropped before it can create a flow.
            new("guard_source", "type filter hook prerouting priority raw; policy accept;",
                [$"iifname \"{EniNames.GatewayMarker}*\" iifname . ip saddr != @{SourceSet} drop"]),
            // Traffic to a NAT EIP of this VPC is translated, from the internet and from the VPC's own ENIs (hairpin): one lookup
            // whatever the number of EIPs; a miss leaves the packet alone.
            new("nat_inbound", "type nat hook prerouting priority dstnat; policy accept;",
            [
                $"iifname \"{transit}\" dnat to ip daddr map @{DnatMap}",
                $"iifname \"{EniNames.GatewayMarker}*\" dnat to ip daddr map @{DnatMap}",
                .. overlayInbound,
            ]),
            // Out to the internet as the EIP. A hairpinned packet (ENI to ENI, its destination translated) takes the sender's
            // NAT EIP as its source, or its vSwitch's gateway address, so the answer comes back through the router.
            new("nat_outbound", "type nat hook postrouting priority srcnat; policy accept;",
            [
                $"oifname \"{transit}\" snat to ip saddr map @{SnatMap}",
                $"iifname \"{EniNames.GatewayMarker}*\" oifname \"{EniNames.GatewayMarker}*\" ct status dnat snat to ip saddr map @{SnatMap}",
                $"iifname \"{EniNames.GatewayMarker}*\" oifname \"{EniNames.GatewayMarker}*\" ct status dnat snat to iifname map @{HairpinSourceMap}",
                .. selfHairpin,
            ]),
            // Stateful: replies pass; a new flow goes through the sender's outbound chain, then the receiver's inbound chain.
            new("filter_forward", "type filter hook forward priority filter; policy accept;",
            [
                "ct state established,related accept",
                "ct state invalid drop",
                $"iifname @{PublicOnlySet} oifname != \"{transit}\" drop",
                $"oifname @{PublicOnlySet} iifname != \"{transit}\" drop",
                .. publicOnlyEips,
                $"iifname vmap @{EgressMap}",
                $"oifname vmap @{IngressMap}",
            ]),
        ];
    }

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
