using Eipnet.Agent.Kernel;
using Eipnet.Agent.Lab;
using Eipnet.DataPlane.Linux;
using Eipnet.DataPlane.Linux.Ops;

namespace Eipnet.Agent.Applying;

/// <summary>Carries out a <see cref="HostDiff"/> against the kernel, step by step in its order.</summary>
/// <remarks>Every step is idempotent: creating what exists and deleting what is gone succeed, so a pass cut short by a
/// crash can simply be run again. A step that fails for any other reason throws, and the caller re-observes the host.</remarks>
public sealed class HostApplier(CommandRunner run) : IDisposable
{
    /// <summary>Our routing protocol number ("proto 77"): routes and rules carrying it are ours, and observation finds only those.</summary>
    public const string Protocol = "77";

    public async Task ApplyAsync(HostDiff diff, CancellationToken ct)
    {
        foreach (var op in diff.Operations)
            await ApplyAsync(op, ct);
    }

    private Task ApplyAsync(HostOp op, CancellationToken ct) => op switch
    {
        CreateNamespace c => CreateNamespaceAsync(c, ct),
        DeleteNamespace d => Tolerate(run.IpAsync(null, ["netns", "del", d.Name], ct)),
        CreateEniLink c => CreateLinkAsync(c, ct),
        DeleteEniLink d => Tolerate(run.IpAsync(d.GatewayNamespace, ["link", "del", d.GatewayName], ct)),
        MoveLink m => MoveLinkAsync(m, ct),
        AddAddress a => Check(run.IpAsync(a.Address.Namespace, ["addr", "replace", a.Address.Cidr, "dev", a.Address.Device], ct)),
        DeleteAddress d => Tolerate(run.IpAsync(d.Address.Namespace, ["addr", "del", d.Address.Cidr, "dev", d.Address.Device], ct)),
        ReplaceRoute r => Check(run.IpAsync(r.Route.Namespace,
        [
            "route", "replace", r.Route.Destination, "dev", r.Route.Device,
            .. r.Route.Via is null ? Array.Empty<string>() : ["via", r.Route.Via, "onlink"],
            "table", Table(r.Route.Table), "proto", Protocol,
        ], ct)),
        DeleteRoute d => Tolerate(run.IpAsync(d.Namespace, ["route", "del", d.Destination, "table", Table(d.Table), "proto", Protocol], ct)),
        AddRule a => AddRuleAsync(a, ct),
        DeleteRule d => Tolerate(run.IpAsync(d.Rule.Namespace, RuleArgs("del", d.Rule), ct)),
        NftTransaction t => NftAsync(t, ct),
        FlushConntrack f => FlushAsync(f, ct),
        _ => throw new NotSupportedException($"No applier for {op.GetType().Name}."),
    };

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
    }

    private void Forget(string ns, NftSession session)
    {
        lock (sessions)
            sessions.Remove(ns);
        session.Dispose();
    }

    /// <summary>Ends every helper this applier started.</summary>
    public void Dispose()
    {
        foreach (var (ns, session) in sessions.ToList())
            Forget(ns, session);
    }

    private async Task CreateNamespaceAsync(CreateNamespace c, CancellationToken ct)
    {
        await LabTopology.EnsureNamespaceAsync(run, c.Name, ct);
        if (c.Router)
            await run.SysctlAsync(c.Name, LabTopology.RouterSysctls, ct);
    }

    private async Task CreateLinkAsync(CreateEniLink c, CancellationToken ct)
    {
        string[] add = ["link", "add", c.GatewayName, "address", GatewayMac(c.MacAddress), "type", "veth", "peer", "name", c.Name, "address", c.MacAddress, "netns", c.Namespace];
        var result = await run.IpAsync(c.GatewayNamespace, add, ct);
        if (result.SaysExists)
        {
            // Left over from a pass that did not finish: start that link again from nothing.
            await Tolerate(run.IpAsync(c.GatewayNamespace, ["link", "del", c.GatewayName], ct));
            await Tolerate(run.IpAsync(c.Namespace, ["link", "del", c.Name], ct));
            result = await run.IpAsync(c.GatewayNamespace, add, ct);
        }
        await Check(Task.FromResult(result));
        // Answer the guest's ARP requests at once (proxy ARP delays replies by up to 0.8 s unless told otherwise).
        await run.SysctlAsync(c.GatewayNamespace, [$"net.ipv4.neigh.{c.GatewayName}.proxy_delay=0"], ct);
        await Check(run.IpAsync(c.GatewayNamespace, ["link", "set", c.GatewayName, "up"], ct));
        await Check(run.IpAsync(c.Namespace, ["link", "set", c.Name, "up"], ct));
    }

    private async Task MoveLinkAsync(MoveLink m, CancellationToken ct)
    {
        var move = await run.IpAsync(m.From, ["link", "set", m.Name, "netns", m.To], ct);
        if (!move.Succeeded && !move.SaysMissing)
            throw new CommandFailedException(move);
        // Missing in From: a previous pass moved it already; setting it up where it should be tells us if it is there.
        await Check(run.IpAsync(m.To, ["link", "set", m.Name, "up"], ct));
    }

    private async Task AddRuleAsync(AddRule a, CancellationToken ct)
    {
        // "ip rule add" happily adds a duplicate; deleting first keeps exactly one.
        await Tolerate(run.IpAsync(a.Rule.Namespace, RuleArgs("del", a.Rule), ct));
        await Check(run.IpAsync(a.Rule.Namespace, [.. RuleArgs("add", a.Rule), "protocol", Protocol], ct));
    }

    private async Task FlushAsync(FlushConntrack f, CancellationToken ct)
    {
        // Original source and destination, reply source and destination: a NATed flow names the EIP only on one side.
        foreach (var field in new[] { "-s", "-d", "-r", "-q" })
        {
            var result = await run.ExecAsync(f.Namespace, "conntrack", ["-D", field, f.Address], null, ct);
            if (!result.Succeeded && !result.Stderr.Contains("0 flow entries", StringComparison.Ordinal))
                throw new CommandFailedException(result);
        }
    }

    private static string[] RuleArgs(string verb, DataPlane.Linux.Topology.RuleEntry rule) =>
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
