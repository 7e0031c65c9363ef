using Eipnet.DataPlane.Linux.Nft;
using Eipnet.DataPlane.Linux.Planning;
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

    /// <summary>The hosts and where each VPC has compute hosts, as this plan was made for (<see cref="HostShare.Key"/>): the
    /// incremental planner plans in full when it changed.</summary>
    public string ShareKey { get; init; } = "";

    public const string DnatMap = "dnat_v4", SnatMap = "snat_v4", RoutedMap = "routed_v4";
    public const string SourceSet = "eni_src", IngressMap = "eni_ingress", EgressMap = "eni_egress";

    /// <summary>A VXLAN device's MAC, the same whenever it is made again and unique on its VNI: locally administered, from its
    /// host's number (16 bits) and the VNI.</summary>
    public static string TunnelMac(int hostId, int vni) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"0a:{(hostId >> 8) & 0xff:x2}:{hostId & 0xff:x2}:{(vni >> 16) & 0xff:x2}:{(vni >> 8) & 0xff:x2}:{vni & 0xff:x2}");

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

    /// <summary>Fragments of the ENIs this plan was made of, by ENI id, for <see cref="IncrementalPlanner"/>; null when the plan
    /// was observed from the kernel or two fragments claimed one key (then the next pass plans in full).</summary>
    internal System.Collections.Immutable.ImmutableDictionary<string, EniFragment>? EniFragments { get; init; }

    /// <summary>The whole plan: this host's share (<see cref="HostShare"/>) of every router, ENI and active EIP put together, each
    /// from its fragment (Planning/).</summary>
    public static HostPlan For(DesiredState desired, HostPlanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var o = options ?? HostPlanOptions.Default;
        var share = HostShare.Of(desired, o);
        var plan = PlanEdit.Empty(o, share);
        foreach (var instance in desired.Instances.Values.Where(share.IsLocal))
            plan.AddNamespace(o.InstanceNamespace(instance.InstanceId));

        // A VPC's router exists on a gateway once the VPC has an ENI, on a compute host while one of its ENIs is there; every
        // ENI here exists as a link (parked when not attached), an ENI elsewhere as routes through the overlay.
        foreach (var vpcId in desired.NetworkInterfaces.Values.Where(share.HasRouterFor).Select(n => n.VpcId ?? "").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            plan.AddRouter(RouterFragment.For(vpcId, desired, o, share));
        foreach (var eni in desired.NetworkInterfaces.Values)
        {
            if (EniFragment.For(eni, desired, o, share) is { } fragment && plan.HasRouter(fragment.Router))
                plan.AddEni(fragment);
        }

        foreach (var eip in desired.Eips.Values.Where(EipFragment.Active))
            plan.AddEip(eip);

        foreach (var router in plan.Fragments.ToLookup(f => f.Router))
            plan.SetGroups(router.Key, RouterGroups.For(router, desired.SecurityGroups));
        return plan.ToPlan(desired.Revision) with { ShareKey = share.Key };
    }

    /// <summary>Every table, each behind a "# NAMESPACE" line, the gateway's first (the golden files hold this).</summary>
    public string RenderTables() => string.Concat(Tables.OrderBy(t => Routers.Contains(t.Key) ? 1 : 0).ThenBy(t => t.Key, StringComparer.Ordinal).Select(t => $"# {t.Key}\n{t.Value.Render()}"));

    /// <summary>The mark as nft writes a map value.</summary>
    public static string Mark(string? vpcId) => VpcMark(vpcId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The gateway's table: traffic from the internet to an EIP gets its VPC's mark, before routing.</summary>
    /// <remarks>From a router too: an EIP is a public address, which any VPC reaches as the internet does (and a VPC its own
    /// EIPs: hairpin). Between routers only EIPs travel: a private source from one VPC could be an address of another.</remarks>
    internal static NftTable GatewayTable(HostPlanOptions o) => new("ip", o.TableName,
        new SortedDictionary<string, NftSet>(StringComparer.Ordinal)
        {
            [EipVpcMap] = new("map", EipVpcMap, "ipv4_addr : mark", Elements()),
            [EipSet] = new("set", EipSet, "ipv4_addr", Elements()),
            [EipRxSet] = new("set", EipRxSet, "ipv4_addr", Elements()) { Counter = true },
            [EipTxSet] = new("set", EipTxSet, "ipv4_addr", Elements()) { Counter = true },
        },
        new SortedDictionary<string, NftChain>(StringComparer.Ordinal)
        {
            ["steer"] = new("steer", "type filter hook prerouting priority mangle; policy accept;",
                [$"iifname {{ \"{o.UplinkName}\", \"{TransitMarker}*\" }} meta mark set ip daddr map @{EipVpcMap}"]),
            // Metering ("meter" is an nft keyword): what each EIP receives from and sends to the internet, counted per element as it passes the uplink.
            ["metering"] = new("metering", "type filter hook forward priority -10; policy accept;",
                [$"iifname \"{o.UplinkName}\" ip daddr @{EipRxSet}", $"oifname \"{o.UplinkName}\" ip saddr @{EipTxSet}"]),
            ["between_vpcs"] = new("between_vpcs", "type filter hook forward priority filter; policy accept;",
                [$"iifname \"{TransitMarker}*\" oifname \"{TransitMarker}*\" ip saddr != @{EipSet} drop"]),
        });

    /// <summary>In the gateway: every active EIP (the sources that may pass from one VPC's router to another's).</summary>
    public const string EipSet = "eips";

    /// <summary>In the gateway: every active EIP, each counting what it receives from (rx) and sends to (tx) the internet.</summary>
    public const string EipRxSet = "eip_rx", EipTxSet = "eip_tx";

    /// <summary>The first letter of a transit link's gateway end.</summary>
    public const string TransitMarker = "t";

    /// <summary>A router's part with several hosts: the gateway's (NAT, EIPs) or a compute host's (ENIs, security groups).</summary>
    internal enum RouterRole
    {
        Single,
        Gateway,
        Compute,
    }

    /// <summary>In a compute host's router: the connection mark of flows that came in through its transit, the packet mark of
    /// their answers, and the table (and rule priority) that sends those back through the transit.</summary>
    public const int ReturnMark = 1, ReturnTable = 200;

    /// <summary>A router's table before its ENIs and EIPs are in it: empty maps and sets, and the chains every router of its role has.</summary>
    internal static NftTable RouterTable(HostPlanOptions o, RouterRole role = RouterRole.Single)
    {
        var sets = new SortedDictionary<string, NftSet>(StringComparer.Ordinal)
        {
            [DnatMap] = new("map", DnatMap, "ipv4_addr : ipv4_addr", Elements()),
            [SnatMap] = new("map", SnatMap, "ipv4_addr : ipv4_addr", Elements()),
            [RoutedMap] = new("map", RoutedMap, "ipv4_addr : ifname", Elements()),
            [SourceSet] = new("set", SourceSet, "ifname . ipv4_addr", Elements()),
            [PublicOnlySet] = new("set", PublicOnlySet, "ifname", Elements()),
            [IngressMap] = new("map", IngressMap, "ifname : verdict", Elements()),
            [EgressMap] = new("map", EgressMap, "ifname : verdict", Elements()),
            [HairpinSourceMap] = new("map", HairpinSourceMap, "ifname : ipv4_addr", Elements()),
        };
        if (role == RouterRole.Gateway)
            sets[PublicOnlyEipSet] = new NftSet("set", PublicOnlyEipSet, "ipv4_addr", Elements());
        return new NftTable("ip", o.TableName, sets, RouterChains(role).ToDictionary(c => c.Name, StringComparer.Ordinal));
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

    private static System.Collections.Immutable.ImmutableSortedDictionary<string, string?> Elements() =>
        System.Collections.Immutable.ImmutableSortedDictionary.Create<string, string?>(StringComparer.Ordinal);
}
