using Eipnet.Agent.Kernel;
using Eipnet.Agent.Kernel.Netlink;
using Eipnet.Agent.Lab;
using Eipnet.DataPlane.Linux;
using Eipnet.DataPlane.Linux.Ops;
using Eipnet.DataPlane.Linux.Topology;
using Eipnet.Domain.Hosts;

namespace Eipnet.Agent.Applying;

/// <summary>Carries out a <see cref="HostDiff"/> against the kernel, step by step in its order.</summary>
/// <remarks>Every step is idempotent: creating what exists and deleting what is gone succeed, so a pass cut short by a
/// crash can simply be run again. A step that fails for any other reason throws, and the caller re-observes the host.
/// Links, addresses, routes, rules and conntrack go through netlink sockets held per namespace (a request costs
/// microseconds where an ip or conntrack process costs milliseconds); each step is written twice, netlink first, then the
/// ip command it stands for, which runs only where netlink cannot be had. Namespaces and nft keep their own ways.</remarks>
public sealed class HostApplier(CommandRunner run) : IDisposable
{
    /// <summary>Our routing protocol number ("proto 77"): routes and rules carrying it are ours, and observation finds only those.</summary>
    public const string Protocol = "77";

    private const byte ProtocolNumber = 77;

    /// <summary>When set, ip and conntrack processes run even where netlink works: the old way, kept for the benchmark's
    /// baseline and for tests that compare the kernel state the two ways leave. May be switched between passes.</summary>
    internal bool ProcessesOnly { get; set; }

    /// <summary>The namespace that holds this host's underlay address, where tunnels' sockets live; null: the agent's own (a
    /// real host's). The lab gives each host a namespace of its own.</summary>
    public string? UnderlayNamespace { get; init; }

    /// <summary>The MTU of tunnel devices: what guests send; the underlay carries it plus GENEVE's 50 bytes.</summary>
    public const int TunnelMtu = 1500;

    public async Task ApplyAsync(HostDiff diff, CancellationToken ct)
    {
        var ops = diff.Operations;
        for (var i = 0; i < ops.Count; i++)
        {
            if (ops[i] is FlushConntrack flush)
            {
                // Flushes in a row in one namespace (an ENI's private IP and its EIP) share one pass over its conntrack table.
                List<string> addresses = [flush.Address];
                while (i + 1 < ops.Count && ops[i + 1] is FlushConntrack next && next.Namespace == flush.Namespace)
                {
                    addresses.Add(next.Address);
                    i++;
                }
                await FlushAsync(flush.Namespace, addresses, ct);
            }
            else
                await ApplyAsync(ops[i], ct);
        }
    }

    internal Task ApplyAsync(HostOp op, CancellationToken ct) => op switch
    {
        CreateNamespace c => CreateNamespaceAsync(c, ct),
        DeleteNamespace d => DeleteNamespaceAsync(d, ct),
        CreateEniLink c => CreateLinkAsync(c, ct),
        DeleteEniLink d => LinkAsync(d.GatewayNamespace, missingIsFine: true, l => l.Delete(d.GatewayName), ["link", "del", d.GatewayName], ct),
        MoveLink m => MoveLinkAsync(m, ct),
        AddAddress a => LinkAsync(a.Address.Namespace, missingIsFine: false, l => l.ReplaceAddress(a.Address.Device, a.Address.Cidr),
            ["addr", "replace", a.Address.Cidr, "dev", a.Address.Device], ct),
        DeleteAddress d => LinkAsync(d.Address.Namespace, missingIsFine: true, l => l.DeleteAddress(d.Address.Device, d.Address.Cidr),
            ["addr", "del", d.Address.Cidr, "dev", d.Address.Device], ct),
        ReplaceRoute r => LinkAsync(r.Route.Namespace, missingIsFine: false, l => l.ReplaceRoute(r.Route.Destination, r.Route.Device, r.Route.Via, r.Route.Table, ProtocolNumber),
        [
            "route", "replace", r.Route.Destination, "dev", r.Route.Device,
            .. r.Route.Via is null ? Array.Empty<string>() : ["via", r.Route.Via, "onlink"],
            "table", Table(r.Route.Table), "proto", Protocol,
        ], ct),
        DeleteRoute d => LinkAsync(d.Namespace, missingIsFine: true, l => l.DeleteRoute(d.Destination, d.Table, ProtocolNumber),
            ["route", "del", d.Destination, "table", Table(d.Table), "proto", Protocol], ct),
        AddRule a => AddRuleAsync(a, ct),
        DeleteRule d => DeleteRuleAsync(d.Rule, ct),
        NftTransaction t => NftAsync(t, ct),
        CreateTunnel c => CreateTunnelAsync(c.Tunnel, ct),
        DeleteTunnel d => LinkAsync(d.Namespace, missingIsFine: true, l => l.Delete(d.Name), ["link", "del", d.Name], ct),
        AddTunnelPeer a => AddPeerAsync(a.Peer, ct),
        DeleteTunnelPeer d => DeletePeerAsync(d.Peer, ct),
        FlushConntrack f => FlushAsync(f.Namespace, [f.Address], ct),
        _ => throw new NotSupportedException($"No applier for {op.GetType().Name}."),
    };

    // Netlink sockets per namespace, opened on first use and bound to it (Kernel/Netlink/NetlinkSession.cs).
    private readonly Dictionary<string, NetlinkSession> links = new(StringComparer.Ordinal);
    private string? noNetlink;

    /// <summary>Why links, addresses, routes, rules and conntrack go through ip and conntrack processes here (null while
    /// netlink works, which it does on any Linux we run as root).</summary>
    public string? NoNetlinkReason => noNetlink;

    /// <summary>Runs a step through the namespace's netlink socket, or as "ip -n NS ARGS" without one. A step that deletes
    /// (<paramref name="missingIsFine"/>) succeeds when the thing, its device or its namespace is already gone.</summary>
    private async Task LinkAsync(string ns, bool missingIsFine, Action<Rtnetlink> netlink, string[] ip, CancellationToken ct, string[]? bridge = null)
    {
        ct.ThrowIfCancellationRequested();
        var session = NetlinkOrNull(ns, missingIsFine, out var gone);
        if (gone)
            return;
        if (session is null)
        {
            var fallback = bridge is null ? run.IpAsync(ns, ip, ct) : run.ExecAsync(ns, "bridge", bridge, null, ct);
            await (missingIsFine ? Tolerate(fallback) : Check(fallback));
            return;
        }
        try
        {
            netlink(session.Links);
        }
        catch (NetlinkException e) when (missingIsFine && e.IsMissing)
        {
        }
    }

    private NetlinkSession? NetlinkOrNull(string ns, bool missingIsFine, out bool gone)
    {
        gone = false;
        if (noNetlink is not null || ProcessesOnly)
            return null;
        if (links.TryGetValue(ns, out var session) && session.IsCurrent)
            return session;
        if (session is not null)
            Forget(ns, session);
        if (!Namespaces.Exists(ns))
        {
            // As "ip -n NS" answers for a namespace that is not there: fine for a delete, an error otherwise.
            gone = missingIsFine;
            return gone ? null : throw new NetlinkException($"ip -n {ns}", NetlinkException.ENOENT, $"the namespace {ns} does not exist");
        }
        try
        {
            session = NetlinkSession.Open(ns);
        }
        catch (InvalidOperationException e) when (e.InnerException is NotSupportedException unavailable)
        {
            noNetlink = unavailable.Message;
            return null;
        }
        lock (links)
            links[ns] = session;
        return session;
    }

    // One nft session (an eipnet-nft helper) per namespace, opened on first use; without the helper or libnftables, an nft
    // process per transaction.
    private readonly Dictionary<string, NftSession> sessions = new(StringComparer.Ordinal);
    private string? noSessions;

    /// <summary>Why nft runs as a process per transaction here (null while sessions work).</summary>
    public string? NoSessionsReason => noSessions;

    /// <summary>The process id of each namespace's nft helper (tests end one to play a crash); safe to read during a pass.</summary>
    public IReadOnlyDictionary<string, int> HelperProcessIds
    {
        get
        {
            lock (sessions)
                return sessions.ToDictionary(s => s.Key, s => s.Value.ProcessId, StringComparer.Ordinal);
        }
    }

    private async Task NftAsync(NftTransaction t, CancellationToken ct)
    {
        if (noSessions is null)
        {
            var session = await SessionAsync(t.Namespace, ct);
            if (session is not null)
            {
                await Check(session.RunAsync(t.Text, ct));
                return;
            }
        }
        await Check(run.ExecAsync(t.Namespace, "nft", ["-f", "-"], t.Text, ct));
    }

    private async Task<NftSession?> SessionAsync(string ns, CancellationToken ct)
    {
        if (sessions.TryGetValue(ns, out var session) && session.IsCurrent)
            return session;
        if (session is not null)
            Forget(ns, session);
        var (opened, why) = await NftSession.OpenAsync(ns, ct);
        if (opened is null)
        {
            noSessions = why;
            return null;
        }
        lock (sessions)
            sessions[ns] = opened;
        return opened;
    }

    /// <summary>Ends the sessions whose namespace is gone or was made again, so that nothing of ours keeps a dead namespace
    /// (and the links in it) alive; called before a resync rebuilds the fixed part of the host.</summary>
    public void CloseStaleSessions()
    {
        foreach (var (ns, session) in sessions.Where(s => !s.Value.IsCurrent).ToList())
            Forget(ns, session);
        foreach (var (ns, session) in links.Where(s => !s.Value.IsCurrent).ToList())
            Forget(ns, session);
    }

    /// <summary>The namespaces this applier holds netlink sockets in (tests check that a deleted one is let go).</summary>
    internal IReadOnlyList<string> NetlinkNamespaces
    {
        get
        {
            lock (links)
                return [.. links.Keys];
        }
    }

    private void Forget(string ns, NftSession session)
    {
        lock (sessions)
            sessions.Remove(ns);
        session.Dispose();
    }

    private void Forget(string ns, NetlinkSession session)
    {
        lock (links)
            links.Remove(ns);
        session.Dispose();
    }

    /// <summary>Ends every helper this applier started and closes its netlink sockets.</summary>
    public void Dispose()
    {
        here?.Dispose();
        foreach (var (ns, session) in sessions.ToList())
            Forget(ns, session);
        foreach (var (ns, session) in links.ToList())
            Forget(ns, session);
    }

    private async Task CreateNamespaceAsync(CreateNamespace c, CancellationToken ct)
    {
        await LabTopology.EnsureNamespaceAsync(run, c.Name, ct);
        if (c.Router)
            await run.SysctlAsync(c.Name, LabTopology.RouterSysctls, ct);
    }

    private Task DeleteNamespaceAsync(DeleteNamespace d, CancellationToken ct)
    {
        // Our sockets and helper in it would keep it, and whatever is still inside, alive after its name is gone.
        if (links.TryGetValue(d.Name, out var netlink))
            Forget(d.Name, netlink);
        if (sessions.TryGetValue(d.Name, out var nft))
            Forget(d.Name, nft);
        return Tolerate(run.IpAsync(null, ["netns", "del", d.Name], ct));
    }

    private NetlinkSession? here;

    private async Task CreateTunnelAsync(TunnelLink t, CancellationToken ct)
    {
        var underlay = UnderlayNamespace is { } u ? NetlinkOrNull(u, missingIsFine: false, out _)
            : noNetlink is null && !ProcessesOnly ? here ??= NetlinkSession.OpenHere() : null;
        var router = underlay is null ? null : NetlinkOrNull(t.Namespace, missingIsFine: false, out _);
        var text = (int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (underlay is null || router is null)
        {
            await Tolerate(run.IpAsync(t.Namespace, ["link", "del", t.Name], ct));
            await Check(run.IpAsync(UnderlayNamespace, ["link", "add", t.Name, "netns", t.Namespace, "address", t.MacAddress, "mtu", text(TunnelMtu),
                "type", "vxlan", "id", text(t.Vni), "dstport", text(Overlay.Port), "nolearning"], ct));
            await Check(run.IpAsync(t.Namespace, ["link", "set", t.Name, "up"], ct));
            return;
        }
        try
        {
            underlay.Links.CreateVxlan(t.Name, t.MacAddress, TunnelMtu, t.Vni, Overlay.Port, t.Namespace);
        }
        catch (NetlinkException e) when (e.IsExists)
        {
            // Left over from a pass that did not finish, or one with other settings: make it again.
            DeleteIfThere(router.Links, t.Name);
            underlay.Links.CreateVxlan(t.Name, t.MacAddress, TunnelMtu, t.Vni, Overlay.Port, t.Namespace);
        }
        router.Links.SetUp(t.Name);
    }

    private async Task AddPeerAsync(TunnelPeer p, CancellationToken ct)
    {
        await LinkAsync(p.Namespace, missingIsFine: false, l => l.ReplaceNeighbour(p.Device, p.Address, p.MacAddress),
            ["neigh", "replace", p.Address, "lladdr", p.MacAddress, "dev", p.Device, "nud", "permanent"], ct);
        await LinkAsync(p.Namespace, missingIsFine: false, l => l.ReplaceForwarding(p.Device, p.MacAddress, p.Remote),
            ["-c", "true"], ct, bridge: ["fdb", "replace", p.MacAddress, "dev", p.Device, "dst", p.Remote, "self", "permanent"]);
    }

    private async Task DeletePeerAsync(TunnelPeer p, CancellationToken ct)
    {
        await LinkAsync(p.Namespace, missingIsFine: true, l => l.DeleteForwarding(p.Device, p.MacAddress, p.Remote),
            ["-c", "true"], ct, bridge: ["fdb", "del", p.MacAddress, "dev", p.Device, "dst", p.Remote, "self"]);
        await LinkAsync(p.Namespace, missingIsFine: true, l => l.DeleteNeighbour(p.Device, p.Address),
            ["neigh", "del", p.Address, "dev", p.Device], ct);
    }

    private async Task CreateLinkAsync(CreateEniLink c, CancellationToken ct)
    {
        var gateway = NetlinkOrNull(c.GatewayNamespace, missingIsFine: false, out _);
        var eni = gateway is null ? null : NetlinkOrNull(c.Namespace, missingIsFine: false, out _);
        if (gateway is null || eni is null)
        {
            await CreateLinkWithIpAsync(c, ct);
            return;
        }
        void Create() => gateway.Links.CreateVeth(c.GatewayName, GatewayMac(c.MacAddress), c.Name, c.MacAddress, c.Namespace);
        try
        {
            Create();
        }
        catch (NetlinkException e) when (e.IsExists)
        {
            // Left over from a pass that did not finish: start that link again from nothing.
            DeleteIfThere(gateway.Links, c.GatewayName);
            DeleteIfThere(eni.Links, c.Name);
            Create();
        }
        // Answer the guest's ARP requests at once (proxy ARP delays replies by up to 0.8 s unless told otherwise).
        gateway.Links.SetProxyDelay(c.GatewayName, 0);
        gateway.Links.SetUp(c.GatewayName);
        eni.Links.SetUp(c.Name);
    }

    private static void DeleteIfThere(Rtnetlink links, string device)
    {
        try
        {
            links.Delete(device);
        }
        catch (NetlinkException e) when (e.IsMissing)
        {
        }
    }

    private async Task CreateLinkWithIpAsync(CreateEniLink c, CancellationToken ct)
    {
        string[] add = ["link", "add", c.GatewayName, "address", GatewayMac(c.MacAddress), "type", "veth", "peer", "name", c.Name, "address", c.MacAddress, "netns", c.Namespace];
        var result = await run.IpAsync(c.GatewayNamespace, add, ct);
        if (result.SaysExists)
        {
            await Tolerate(run.IpAsync(c.GatewayNamespace, ["link", "del", c.GatewayName], ct));
            await Tolerate(run.IpAsync(c.Namespace, ["link", "del", c.Name], ct));
            result = await run.IpAsync(c.GatewayNamespace, add, ct);
        }
        await Check(Task.FromResult(result));
        await run.SysctlAsync(c.GatewayNamespace, [$"net.ipv4.neigh.{c.GatewayName}.proxy_delay=0"], ct);
        await Check(run.IpAsync(c.GatewayNamespace, ["link", "set", c.GatewayName, "up"], ct));
        await Check(run.IpAsync(c.Namespace, ["link", "set", c.Name, "up"], ct));
    }

    private async Task MoveLinkAsync(MoveLink m, CancellationToken ct)
    {
        // Missing in From: a previous pass moved it already; setting it up where it should be tells us if it is there.
        await LinkAsync(m.From, missingIsFine: true, l => l.Move(m.Name, m.To), ["link", "set", m.Name, "netns", m.To], ct);
        await LinkAsync(m.To, missingIsFine: false, l => l.SetUpMoved(m.Name), ["link", "set", m.Name, "up"], ct);
    }

    private async Task AddRuleAsync(AddRule a, CancellationToken ct)
    {
        // "ip rule add" happily adds a duplicate; deleting first keeps exactly one.
        await DeleteRuleAsync(a.Rule, ct);
        var r = a.Rule;
        await LinkAsync(r.Namespace, missingIsFine: false, l => l.AddRule(r.From, r.Fwmark, r.Table, r.Priority, ProtocolNumber),
            [.. RuleArgs("add", r), "protocol", Protocol], ct);
    }

    private Task DeleteRuleAsync(RuleEntry r, CancellationToken ct) =>
        LinkAsync(r.Namespace, missingIsFine: true, l => l.DeleteRule(r.From, r.Fwmark, r.Table, r.Priority), RuleArgs("del", r), ct);

    private async Task FlushAsync(string ns, IReadOnlyList<string> addresses, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var session = NetlinkOrNull(ns, missingIsFine: false, out _);
        if (session is not null)
        {
            session.Conntrack.DeleteWithAddresses(addresses);
            return;
        }
        // Original source and destination, reply source and destination: a NATed flow names the EIP only on one side.
        foreach (var address in addresses)
        {
            foreach (var field in new[] { "-s", "-d", "-r", "-q" })
            {
                var result = await run.ExecAsync(ns, "conntrack", ["-D", field, address], null, ct);
                if (!result.Succeeded && !result.Stderr.Contains("0 flow entries", StringComparison.Ordinal))
                    throw new CommandFailedException(result);
            }
        }
    }

    private static string[] RuleArgs(string verb, RuleEntry rule) =>
    [
        "rule", verb, "from", rule.From,
        .. rule.Fwmark == 0 ? Array.Empty<string>() : ["fwmark", "0x" + rule.Fwmark.ToString("x", System.Globalization.CultureInfo.InvariantCulture)],
        "table", Table(rule.Table), "priority", rule.Priority.ToString(System.Globalization.CultureInfo.InvariantCulture),
    ];

    /// <summary>The gateway end's MAC, derived from the ENI's (first octet 02 becomes 06, still locally administered), so a
    /// recreated link looks the same to the guest and the kernel state is the same after every rebuild.</summary>
    public static string GatewayMac(string eniMac) => "06" + eniMac[2..];

    private static string Table(int table) => table == 0 ? "main" : table.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task Check(Task<CommandResult> command)
    {
        var result = await command;
        if (!result.Succeeded)
            throw new CommandFailedException(result);
    }

    private static async Task Tolerate(Task<CommandResult> command)
    {
        var result = await command;
        if (!result.Succeeded && !result.SaysMissing)
            throw new CommandFailedException(result);
    }
}
