using System.Diagnostics;
using System.Globalization;
using Eipnet.Agent.Kernel;
using Eipnet.Agent.Lab;
using Eipnet.DataPlane.Linux;

namespace Eipnet.Cli.Bench;

/// <summary>The namespaces of this run, as the product lays out an EIP's path: the client ("internet" host) ⇄ the gateway ⇄
/// the VPC's router ⇄ the instance, joined by veth pairs, plus a direct link from the client to the router (to measure what
/// the gateway hop costs); and, from the same gateway, the path across two hosts: ⇄ the gateway host's router ⇄ VXLAN over
/// an underlay (a veth pair between the two hosts' underlay namespaces, MTU 1600) ⇄ the compute host's router ⇄ a second
/// instance. Interfaces are named as Eipnet names them (the gateway's uplink and transit links, the routers' transit links,
/// the gateway router's "vxn", the measured ENI's host end), so the rules of Eipnet's tables apply to the measured traffic as
/// they do in the product.</summary>
/// <remarks>Every namespace is named "eipbench-SUFFIX-ROLE" and deleted on dispose. Veth pairs and VXLAN devices are created
/// inside our namespaces (a VXLAN device in its host's underlay namespace, which keeps its UDP socket, then moved into the
/// router) and the sysctls set are per namespace; the root namespace's links, addresses, routes, sysctls and rulesets are
/// never touched, and rules are only ever loaded with "ip netns exec" into the gateway and the routers.</remarks>
internal sealed class ForwardingTopology : IAsyncDisposable
{
    public const string Prefix = "eipbench-";
    public const string ClientAddress = "203.0.113.2", UplinkAddress = "203.0.113.1";
    public const string InstanceAddress = "10.0.0.10", InstanceGateway = "10.0.0.1";

    /// <summary>The instance's second address, which the client reaches over its direct link to the router.</summary>
    public const string DirectInstanceAddress = "10.0.0.11";
    private const string DirectClient = "192.0.2.2", DirectRouter = "192.0.2.1";
    public const string MeasuredEip = "198.51.100.10";
    public const string InstanceDevice = "eth0";

    /// <summary>The two hosts' underlay addresses (their namespaces joined by one veth pair, as two machines by a wire).</summary>
    public const string GatewayUnderlayAddress = "192.0.2.17", ComputeUnderlayAddress = "192.0.2.18";
    private const string UnderlayDevice = "underlay";

    /// <summary>The underlay's MTU: the lab's, room for VXLAN's 50 bytes around 1500-byte frames.</summary>
    public const int UnderlayMtu = 1600;

    private readonly CommandRunner run;

    private ForwardingTopology(CommandRunner run, string suffix)
    {
        this.run = run;
        Client = $"{Prefix}{suffix}-client";
        Gateway = $"{Prefix}{suffix}-gw";
        Router = $"{Prefix}{suffix}-router";
        Instance = $"{Prefix}{suffix}-instance";
        GatewayRouter = $"{Prefix}{suffix}-grouter";
        ComputeRouter = $"{Prefix}{suffix}-crouter";
        RemoteInstance = $"{Prefix}{suffix}-cinstance";
        GatewayUnderlay = $"{Prefix}{suffix}-g1";
        ComputeUnderlay = $"{Prefix}{suffix}-c1";
    }

    public string Client { get; }
    public string Gateway { get; }
    public string Router { get; }
    public string Instance { get; }

    /// <summary>Across hosts: the gateway host's router of the VPC, the compute host's, the instance on the compute host, and
    /// each host's underlay namespace (where its VXLAN sockets live).</summary>
    public string GatewayRouter { get; }
    public string ComputeRouter { get; }
    public string RemoteInstance { get; }
    public string GatewayUnderlay { get; }
    public string ComputeUnderlay { get; }

    /// <summary>The instance a configuration's traffic reaches.</summary>
    public string InstanceOf(ForwardingSetup setup) => setup.AcrossHosts ? RemoteInstance : Instance;

    private IEnumerable<string> All => [Client, Gateway, Router, Instance, GatewayRouter, ComputeRouter, RemoteInstance, GatewayUnderlay, ComputeUnderlay];

    private IEnumerable<string> Routers => [Gateway, Router, GatewayRouter, ComputeRouter];

    private static string TransitGatewaySide => HostPlan.TransitGatewayName(ForwardingRulesets.BenchVpcId);

    /// <summary>The measured ENI's interface in the router, as the anti-spoofing set and the security-group maps name it.</summary>
    public static string GatewaySide => EniNames.Gateway(ForwardingRulesets.MeasuredEniId);

    public static async Task<ForwardingTopology> CreateAsync(CommandRunner run, CancellationToken ct)
    {
        var topology = new ForwardingTopology(run, Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..6]);
        try
        {
            await topology.BuildAsync(ct);
            return topology;
        }
        catch
        {
            await topology.DisposeAsync();
            throw;
        }
    }

    private async Task BuildAsync(CancellationToken ct)
    {
        const string transit = HostPlanOptions.TransitName;
        var (gw169, router169) = (HostPlanOptions.TransitGatewayAddress, HostPlanOptions.TransitRouterAddress);
        foreach (var ns in All)
            await LabTopology.EnsureNamespaceAsync(run, ns, ct);
        await run.IpCheckAsync(Client, ["link", "add", "wan", "type", "veth", "peer", "name", HostPlanOptions.Default.UplinkName, "netns", Gateway], ct);
        await run.IpCheckAsync(Gateway, ["link", "add", TransitGatewaySide, "type", "veth", "peer", "name", transit, "netns", Router], ct);
        await run.IpCheckAsync(Router, ["link", "add", GatewaySide, "type", "veth", "peer", "name", InstanceDevice, "netns", Instance], ct);
        await run.IpCheckAsync(Client, ["link", "add", "direct", "type", "veth", "peer", "name", "direct", "netns", Router], ct);
        await UpAsync(Client, "wan", ClientAddress + "/24", ct);
        await UpAsync(Gateway, HostPlanOptions.Default.UplinkName, UplinkAddress + "/24", ct);
        await UpAsync(Gateway, TransitGatewaySide, gw169 + "/32", ct);
        await UpAsync(Router, transit, router169 + "/32", ct);
        await UpAsync(Router, GatewaySide, InstanceGateway + "/24", ct);
        await UpAsync(Instance, InstanceDevice, InstanceAddress + "/24", ct);
        await run.IpCheckAsync(Instance, ["addr", "add", DirectInstanceAddress + "/24", "dev", InstanceDevice], ct);
        await UpAsync(Client, "direct", DirectClient + "/30", ct);
        await UpAsync(Router, "direct", DirectRouter + "/30", ct);
        // The client reaches the EIP and the instance's first address through the gateway, its second address over the direct
        // link; the router has no route to the EIP, so only a translated packet reaches the instance. The gateway's plain
        // routes to the router stand for its steering in every configuration but the deployed one, whose fwmark rule
        // (priority 100) comes first.
        await run.IpCheckAsync(Client, ["route", "add", "default", "via", UplinkAddress], ct);
        await run.IpCheckAsync(Client, ["route", "add", DirectInstanceAddress + "/32", "via", DirectRouter], ct);
        await run.IpCheckAsync(Gateway, ["route", "add", InstanceAddress + "/32", "via", router169, "dev", TransitGatewaySide, "onlink"], ct);
        await run.IpCheckAsync(Gateway, ["route", "add", MeasuredEip + "/32", "via", router169, "dev", TransitGatewaySide, "onlink"], ct);
        await run.IpCheckAsync(Gateway, ["route", "add", "default", "via", router169, "dev", TransitGatewaySide, "onlink",
            "table", HostPlan.VpcTable(ForwardingRulesets.BenchVpcId).ToString(CultureInfo.InvariantCulture)], ct);
        await run.IpCheckAsync(Router, ["route", "add", "default", "via", gw169, "dev", transit, "onlink"], ct);
        await run.IpCheckAsync(Instance, ["route", "add", "default", "via", InstanceGateway], ct);
        // Answers to the direct link leave from the second address (a UDP server's reply takes the route's source).
        await run.IpCheckAsync(Instance, ["route", "add", "192.0.2.0/30", "via", InstanceGateway, "src", DirectInstanceAddress], ct);
        foreach (var ns in new[] { Gateway, Router })
            await run.SysctlAsync(ns, ["net.ipv4.ip_forward=1", "net.ipv4.conf.all.rp_filter=0", "net.ipv4.conf.default.rp_filter=0"], ct);
        // A SYN the router drops costs the connection-rate client one retransmission (1 s), not the default two minutes.
        await run.SysctlAsync(Client, ["net.ipv4.tcp_syn_retries=1"], ct);
        await BuildHostsAsync(ct);
    }

    /// <summary>The path across hosts, from the same gateway namespace: its transit link to the gateway host's router of
    /// <see cref="ForwardingRulesets.HostsVpcId"/>, that router's VXLAN device, the underlay, the compute host's router (its
    /// "transit" is the VXLAN device to the gateway) and the second instance. The devices, VNIs, MACs, overlay addresses,
    /// neighbour and forwarding entries and the routers' routes are those the planner gives each host
    /// (<see cref="ForwardingRulesets.HostPlans"/>), made as the agent's applier makes them (HostApplier: CreateTunnelAsync,
    /// AddPeerAsync; routes "via ... onlink").</summary>
    private async Task BuildHostsAsync(CancellationToken ct)
    {
        const string transit = HostPlanOptions.TransitName;
        var (gw169, router169) = (HostPlanOptions.TransitGatewayAddress, HostPlanOptions.TransitRouterAddress);
        var hostsTransit = HostPlan.TransitGatewayName(ForwardingRulesets.HostsVpcId);
        var (gatewayPlan, computePlan) = ForwardingRulesets.HostPlans(1);
        var planned = HostPlanOptions.Default.RouterNamespace(ForwardingRulesets.HostsVpcId);

        await run.IpCheckAsync(Gateway, ["link", "add", hostsTransit, "type", "veth", "peer", "name", transit, "netns", GatewayRouter], ct);
        await UpAsync(Gateway, hostsTransit, gw169 + "/32", ct);
        await UpAsync(GatewayRouter, transit, router169 + "/32", ct);
        await run.IpCheckAsync(ComputeRouter, ["link", "add", GatewaySide, "type", "veth", "peer", "name", InstanceDevice, "netns", RemoteInstance], ct);
        await UpAsync(ComputeRouter, GatewaySide, InstanceGateway + "/24", ct);
        await UpAsync(RemoteInstance, InstanceDevice, InstanceAddress + "/24", ct);
        await run.IpCheckAsync(GatewayUnderlay, ["link", "add", UnderlayDevice, "mtu", Text(UnderlayMtu), "type", "veth",
            "peer", "name", UnderlayDevice, "mtu", Text(UnderlayMtu), "netns", ComputeUnderlay], ct);
        await UpAsync(GatewayUnderlay, UnderlayDevice, GatewayUnderlayAddress + "/30", ct);
        await UpAsync(ComputeUnderlay, UnderlayDevice, ComputeUnderlayAddress + "/30", ct);

        foreach (var (plan, underlay, router) in new[] { (gatewayPlan, GatewayUnderlay, GatewayRouter), (computePlan, ComputeUnderlay, ComputeRouter) })
        {
            foreach (var tunnel in plan.Tunnels.Values.Where(t => t.Namespace == planned))
            {
                await run.IpCheckAsync(underlay, ["link", "add", tunnel.Name, "netns", router, "address", tunnel.MacAddress,
                    "mtu", Text(Eipnet.Agent.Applying.HostApplier.TunnelMtu), "type", "vxlan", "id", Text(tunnel.Vni),
                    "dstport", Text(Eipnet.Domain.Hosts.Overlay.Port), "nolearning"], ct);
                await run.IpCheckAsync(router, ["link", "set", tunnel.Name, "up"], ct);
            }
            foreach (var peer in plan.TunnelPeers.Where(p => p.Namespace == planned))
            {
                await run.IpCheckAsync(router, ["neigh", "replace", peer.Address, "lladdr", peer.MacAddress, "dev", peer.Device, "nud", "permanent"], ct);
                await CheckAsync(router, "bridge", ["fdb", "replace", peer.MacAddress, "dev", peer.Device, "dst", peer.Remote, "self", "permanent"], null, ct);
            }
            // The router's overlay address (the next hop the other host routes to), on its loopback.
            foreach (var address in plan.Addresses.Where(a => a.Namespace == planned && a.Device == HostPlan.GatewayLoopback && a.Cidr.StartsWith("169.254.", StringComparison.Ordinal)))
                await run.IpCheckAsync(router, ["addr", "add", address.Cidr, "dev", address.Device], ct);
            // The router's routes: the gateway router's default to the gateway and its route to the ENI's address through "vxn";
            // the compute router's default (and return table) through its "transit" to the gateway router, and the ENI's /32.
            foreach (var route in plan.Routes.Values.Where(r => r.Namespace == planned))
                await run.IpCheckAsync(router, ["route", "replace", route.Destination,
                    .. route.Via is null ? Array.Empty<string>() : ["via", route.Via, "onlink"],
                    "dev", route.Device, "table", route.Table == 0 ? "main" : Text(route.Table)], ct);
        }
        // The gateway's plain route to the instance's private address leads to this path's router in plain routing across
        // hosts (UseAsync), to the single host's router otherwise.
        await run.IpCheckAsync(Gateway, ["route", "add", "default", "via", router169, "dev", hostsTransit, "onlink",
            "table", Text(HostPlan.VpcTable(ForwardingRulesets.HostsVpcId))], ct);
        await run.IpCheckAsync(RemoteInstance, ["route", "add", "default", "via", InstanceGateway], ct);
        foreach (var ns in new[] { GatewayRouter, ComputeRouter })
            await run.SysctlAsync(ns, ["net.ipv4.ip_forward=1", "net.ipv4.conf.all.rp_filter=0", "net.ipv4.conf.default.rp_filter=0"], ct);
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);

    private async Task UpAsync(string ns, string device, string address, CancellationToken ct)
    {
        await run.IpCheckAsync(ns, ["addr", "add", address, "dev", device], ct);
        await run.IpCheckAsync(ns, ["link", "set", device, "up"], ct);
    }

    /// <summary>Makes the router (and the gateway) hold exactly this configuration's rules, with empty conntrack tables;
    /// returns how long loading the rules took.</summary>
    public async Task<TimeSpan> UseAsync(ForwardingSetup setup, CancellationToken ct)
    {
        // Flushing the whole ruleset also removes iptables-nft's tables; with no rule left, conntrack unhooks from the
        // namespace, so plain routing pays nothing for it.
        foreach (var ns in Routers)
        {
            await CheckAsync(ns, "nft", ["flush", "ruleset"], null, ct);
            await CheckAsync(ns, "conntrack", ["-F"], null, ct);
        }
        var mark = HostPlan.VpcMark(ForwardingRulesets.BenchVpcId).ToString(CultureInfo.InvariantCulture);
        // Plain routing's private destination: through the single host's router, or across hosts.
        await run.IpCheckAsync(Gateway, ["route", "replace", InstanceAddress + "/32", "via", HostPlanOptions.TransitRouterAddress, "dev",
            setup.AcrossHosts ? HostPlan.TransitGatewayName(ForwardingRulesets.HostsVpcId) : TransitGatewaySide, "onlink"], ct);
        // Absent but in the deployed configurations: the gateway's mark rule, the compute router's return-path rule.
        await run.IpAsync(Gateway, ["rule", "del", "priority", Text(HostPlan.VpcRulePriority)], ct);
        await run.IpAsync(ComputeRouter, ["rule", "del", "priority", Text(HostPlan.ReturnTable)], ct);
        var start = Stopwatch.GetTimestamp();
        switch (setup.Kind)
        {
            case ForwardingKind.Conntrack or ForwardingKind.Eipnet:
                await CheckAsync(Router, "nft", ["-f", "-"], setup.Ruleset, ct);
                break;
            case ForwardingKind.EipnetGateway:
                await CheckAsync(Router, "nft", ["-f", "-"], setup.Ruleset, ct);
                await CheckAsync(Gateway, "nft", ["-f", "-"], setup.GatewayRuleset, ct);
                await run.IpCheckAsync(Gateway, ["rule", "add", "fwmark", mark, "lookup",
                    HostPlan.VpcTable(ForwardingRulesets.BenchVpcId).ToString(CultureInfo.InvariantCulture), "priority", "100"], ct);
                break;
            case ForwardingKind.Neutron:
                await CheckAsync(Router, "iptables-nft-restore", [], setup.Ruleset, ct);
                break;
            case ForwardingKind.EipnetHosts:
                await CheckAsync(GatewayRouter, "nft", ["-f", "-"], setup.Ruleset, ct);
                await CheckAsync(ComputeRouter, "nft", ["-f", "-"], setup.ComputeRuleset, ct);
                await CheckAsync(Gateway, "nft", ["-f", "-"], setup.GatewayRuleset, ct);
                await run.IpCheckAsync(Gateway, ["rule", "add", "fwmark", HostPlan.Mark(ForwardingRulesets.HostsVpcId), "lookup",
                    Text(HostPlan.VpcTable(ForwardingRulesets.HostsVpcId)), "priority", Text(HostPlan.VpcRulePriority)], ct);
                var back = Text(HostPlan.ReturnTable);
                await run.IpCheckAsync(ComputeRouter, ["rule", "add", "fwmark", Text(HostPlan.ReturnMark), "lookup", back, "priority", back], ct);
                break;
        }
        return Stopwatch.GetElapsedTime(start);
    }

    /// <summary>Entries in the gateway's and the router's conntrack tables (0 while no rule asks for connection tracking).</summary>
    public async Task<int> ConntrackEntriesAsync(CancellationToken ct) =>
        int.Parse((await CheckAsync(Gateway, "conntrack", ["-C"], null, ct)).Trim(), CultureInfo.InvariantCulture)
        + int.Parse((await CheckAsync(Router, "conntrack", ["-C"], null, ct)).Trim(), CultureInfo.InvariantCulture);

    private async Task<string> CheckAsync(string ns, string program, IReadOnlyList<string> args, string? stdin, CancellationToken ct)
    {
        var result = await run.ExecAsync(ns, program, args, stdin, ct);
        return result.Succeeded ? result.Stdout : throw new CommandFailedException(result);
    }

    /// <summary>Deletes the namespaces, and with them the links and rules inside.</summary>
    public async ValueTask DisposeAsync()
    {
        CommandResult? failed = null;
        foreach (var ns in All)
        {
            if (!Namespaces.Exists(ns))
                continue;
            // Not cancellable: cleanup must finish after Ctrl-C too. One failure does not stop the others' deletion.
            var del = await run.IpAsync(null, ["netns", "del", ns], CancellationToken.None);
            if (!del.Succeeded && !del.SaysMissing)
                failed ??= del;
        }
        if (failed is not null)
            throw new CommandFailedException(failed);
    }
}
