using System.Diagnostics;
using System.Globalization;
using Eipnet.Agent.Kernel;

namespace Eipnet.Cli.Bench;

/// <summary>Runs every configuration in every round over one topology, in a rotated order per round so that drift on a
/// shared machine spreads over all configurations, and renders the report.</summary>
internal static class ForwardingBench
{
    public static async Task<string> RunAsync(IReadOnlyList<int> counts, int neutronMaxEips, int rounds, TimeSpan duration, int parallel, CancellationToken ct)
    {
        if (!Environment.IsPrivilegedProcess)
            throw new InvalidOperationException("bench dataplane-forwarding creates network namespaces and needs root.");
        var run = new CommandRunner();
        var tools = await ToolsAsync(run, withIptables: counts.Any(n => n <= neutronMaxEips), ct);
        var (started, loadBefore) = (DateTime.UtcNow, await LoadAverageAsync());
        var setups = new List<ForwardingSetup> { ForwardingSetup.Plain(), ForwardingSetup.PlainOneHop(), ForwardingSetup.Conntrack(), ForwardingSetup.PlainHosts() };
        foreach (var (kind, n) in counts.Select(n => (ForwardingKind.Eipnet, n))
            .Concat(counts.Select(n => (ForwardingKind.EipnetGateway, n)))
            .Concat(counts.Select(n => (ForwardingKind.EipnetHosts, n)))
            .Concat(counts.Where(n => n <= neutronMaxEips).Select(n => (ForwardingKind.Neutron, n))))
        {
            var start = Stopwatch.GetTimestamp();
            var setup = kind switch
            {
                ForwardingKind.Eipnet => ForwardingSetup.Eipnet(n),
                ForwardingKind.EipnetGateway => ForwardingSetup.EipnetGateway(n),
                ForwardingKind.EipnetHosts => ForwardingSetup.EipnetHosts(n),
                _ => ForwardingSetup.Neutron(n),
            };
            Progress($"rendered {setup.Name}: {setup.Ruleset.Length / 1e6:F1} MB in {Stopwatch.GetElapsedTime(start).TotalSeconds:F1} s");
            setups.Add(setup);
        }

        var results = new List<ForwardingResult>();
        var plainConntrack = 0;
        await using (var net = await ForwardingTopology.CreateAsync(run, ct))
        {
            Progress($"namespaces {net.Client}, {net.Gateway}, {net.Router}, {net.Instance}; across hosts {net.GatewayRouter}, "
                + $"{net.GatewayUnderlay} ⇄ {net.ComputeUnderlay}, {net.ComputeRouter}, {net.RemoteInstance}");
            var probes = new ForwardingProbes(run, net, duration, parallel);
            var servers = new List<ForwardingServer>();
            try
            {
                var connectionServers = new Dictionary<string, ForwardingServer>(StringComparer.Ordinal);
                foreach (var instance in new[] { net.Instance, net.RemoteInstance })
                {
                    var (iperf, connections) = await probes.StartServersAsync(instance, ct);
                    servers.AddRange([iperf, connections]);
                    connectionServers[instance] = connections;
                }
                ForwardingServer connectionServer(ForwardingSetup setup) => connectionServers[net.InstanceOf(setup)];
                // One untimed pass over plain routing, on one host and across hosts: the servers' and the kernel's first-use
                // costs stay out of round 1.
                foreach (var plain in setups.Where(s => s.Kind is ForwardingKind.Plain or ForwardingKind.PlainHosts))
                {
                    await net.UseAsync(plain, ct);
                    await probes.UdpAsync(plain, ct);
                    await probes.ConnectionsAsync(plain.Target, connectionServer(plain), ct);
                }
                for (var round = 1; round <= rounds; round++)
                {
                    var shift = (round - 1) % setups.Count;
                    foreach (var setup in setups.Skip(shift).Concat(setups.Take(shift)))
                    {
                        var load = await net.UseAsync(setup, ct);
                        var udp = await probes.UdpAsync(setup, ct);
                        var tcp = await probes.TcpAsync(setup.Target, ct);
                        var connections = await probes.ConnectionsAsync(setup.Target, connectionServer(setup), ct);
                        if (setup.Kind == ForwardingKind.Plain)
                            plainConntrack = Math.Max(plainConntrack, await net.ConntrackEntriesAsync(ct));
                        results.Add(new ForwardingResult(round, setup, udp, tcp, connections, load));
                        Progress($"round {round}/{rounds} {setup.Name}: load {load.TotalSeconds:F2} s, "
                            + $"UDP {udp.Rate / 1000:F0}k pps ({udp.PerCpuSecond / 1000:F0}k per CPU-s), "
                            + $"TCP {tcp.Rate / 1e9:F2} Gbit/s ({tcp.PerCpuSecond / 1e9:F2} per CPU-s), "
                            + $"{connections.Rate:F0} conn/s ({connections.PerCpuSecond:F0} per CPU-s)");
                    }
                }
            }
            finally
            {
                servers.ForEach(s => s.Dispose());
            }
        }

        var heading = string.Join('\n',
            $"# Eipnet data-plane forwarding benchmark, {started:yyyy-MM-dd HH:mm}Z, {Environment.ProcessorCount} cores",
            "",
            $"Client (203.0.113.0/24) ⇄ gateway ⇄ VPC router ⇄ instance, veth pairs, one network namespace each, as the product lays out an EIP's path, "
                + $"a direct client ⇄ router link for the one-hop baseline, and the same gateway ⇄ gateway host's router ⇄ VXLAN ⇄ compute host's "
                + $"router ⇄ instance for the path across hosts; {tools}. "
                + $"{rounds} rounds, each running every configuration once in a rotated order; {duration.TotalSeconds:F0} s per measurement.",
            "",
            "- UDP: one iperf3 sender, 64-byte payloads, unlimited rate; packets counted at the instance's interface. iperf3 runs with sender and receiver pinned to CPUs 0 and 1.",
            "- TCP: one iperf3 stream, bits the instance received.",
            $"- Connections: {parallel} client threads each connecting and resetting (SO_LINGER 0), completed handshakes counted.",
            "- Per CPU-second: the same work divided by the CPU time of the processes at both ends (for UDP, the sender's), which "
                + "includes the gateway's softirq work done in their context; it does not fall just because other tenants take CPU time.",
            "- Plain routing (the baseline): no ruleset anywhere, through gateway and router. One hop less: the same over the client's "
                + "direct link to the router. Conntrack only: one forward rule in the router reading the flow's state. All without "
                + "translation: the client sends to the instance's private address.",
            $"- Eipnet NAT in the router: the planner's router table for N NAT EIPs, the measured EIP {ForwardingTopology.MeasuredEip} among them, "
                + "loaded with one nft -f; the gateway routes the EIP by a plain static route. As deployed: also the planner's gateway "
                + "table (the eip_vpc map marks the packet with its VPC) and the per-VPC fwmark rule and table. Neutron-style: one DNAT and "
                + "one SNAT rule per EIP in linear chains in the router, the measured EIP last, loaded with iptables-nft-restore.",
            $"- Across hosts (a gateway host g1 and a compute host c1, each its own underlay namespace, joined by a veth pair of MTU "
                + $"{ForwardingTopology.UnderlayMtu}): the same gateway ⇄ g1's router of another VPC ⇄ VXLAN (its vxn, c1's transit; VNI, "
                + "MACs, static neighbour and fdb entries and routes from the planner, no learning, UDP 4789, sockets in the underlay "
                + "namespaces) ⇄ c1's router ⇄ a second instance. Plain: no rules, the gateway routing the private address that way. As deployed: the "
                + "planner's tables for each host's share of the same intent (HostPlan.For with host g1: gateway steering and NAT in its "
                + "router; with host c1: security groups, anti-spoofing, return path in its router), the gateway's mark rule and c1's "
                + "return-path rule.",
            "",
            $"Machine load (1-minute load average, /proc/loadavg) before: {loadBefore}, after: {await LoadAverageAsync()}.");
        return ForwardingReport.Render(heading, setups, results, plainConntrack);
    }

    /// <summary>The versions the figures depend on; fails early when a tool is missing.</summary>
    private static async Task<string> ToolsAsync(CommandRunner run, bool withIptables, CancellationToken ct)
    {
        var kernel = (await run.CheckAsync("uname", ["-r"], ct: ct)).Trim();
        var nft = (await run.CheckAsync("nft", ["--version"], ct: ct)).Trim();
        var iptables = withIptables ? ", " + (await run.CheckAsync("iptables-nft", ["--version"], ct: ct)).Trim() : "";
        var iperf = (await run.CheckAsync("iperf3", ["--version"], ct: ct)).Split('\n')[0].Trim();
        return string.Create(CultureInfo.InvariantCulture, $"kernel {kernel}, {nft}{iptables}, {iperf}");
    }

    private static async Task<string> LoadAverageAsync() => (await File.ReadAllTextAsync("/proc/loadavg")).Split(' ')[0];

    private static void Progress(string line) => Console.Error.WriteLine("bench: " + line);
}
