using System.Text.Json;
using System.Text.Json.Nodes;
using Eipnet.Agent.Applying;
using Eipnet.Agent.Kernel;
using Eipnet.DataPlane.Linux.Ops;

namespace Eipnet.Agent.Tests.Netlink;

/// <summary>The same host operations applied two ways, each in namespaces of its own: by an applier that runs ip and
/// conntrack processes (the old way) and by one that speaks netlink. Tests compare what the kernel holds afterwards.</summary>
/// <remarks>Namespaces are named "eipt", the test host's PID, "n", 6 random hex digits, "-", then the way's letter (p:
/// processes, n: netlink) and a role; scripts/test sweeps those of a test host that died. Dispose deletes them.</remarks>
public sealed class TwoWays : IAsyncDisposable
{
    private readonly CommandRunner run = new();
    private readonly CommandRunner netlinkRun = new();
    private readonly string prefix = $"eipt{Environment.ProcessId}n" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3)) + "-";

    private TwoWays()
    {
        Processes = new Way(prefix + "p", new HostApplier(run) { ProcessesOnly = true });
        Netlink = new Way(prefix + "n", new HostApplier(netlinkRun));
    }

    public Way Processes { get; }
    public Way Netlink { get; }
    public CommandRunner Run => run;

    /// <summary>One way's namespaces (a gateway and two instances) and applier.</summary>
    public sealed record Way(string Prefix, HostApplier Applier)
    {
        public string Gateway => Prefix + "gw";
        public string A => Prefix + "a";
        public string B => Prefix + "b";
        public IReadOnlyList<string> All => [Gateway, A, B];
    }

    /// <summary>Both ways with their three namespaces made (as the applier makes them); the gateway is a router.</summary>
    public static async Task<TwoWays> StartAsync()
    {
        if (!LinuxDataPlane.IsAvailable(out var why))
            throw new InvalidOperationException($"The netlink tests need namespaces, which cannot be made here: {why}. Run them as root.");
        var ways = new TwoWays();
        try
        {
            await ways.ApplyAsync(w => new CreateNamespace(w.Gateway, Router: true));
            await ways.ApplyAsync(w => new CreateNamespace(w.A));
            await ways.ApplyAsync(w => new CreateNamespace(w.B));
            return ways;
        }
        catch
        {
            await ways.DisposeAsync();
            throw;
        }
    }

    /// <summary>Applies the operation made for each way, the process way first; checks that the netlink way ran no
    /// process for a step that has a netlink form (all but namespaces and nft).</summary>
    public async Task ApplyAsync(Func<Way, HostOp> op)
    {
        await Processes.Applier.ApplyAsync(op(Processes), CancellationToken.None);
        var step = op(Netlink);
        var before = netlinkRun.Count;
        await Netlink.Applier.ApplyAsync(step, CancellationToken.None);
        Assert.Null(Netlink.Applier.NoNetlinkReason);
        if (step is not (CreateNamespace or DeleteNamespace or NftTransaction))
            Assert.Equal(before, netlinkRun.Count);
    }

    /// <summary>What the kernel holds in one of a way's namespaces: links with their addresses (IPv6 is off in our namespaces), every route of every
    /// table, the policy rules and each device's proxy delay, read back by ip -j -d, with what differs between any two
    /// namespaces (interface indexes, namespace ids, counters, carrier state that settles in the background) left out.</summary>
    public async Task<string> StateAsync(Way way, Func<Way, string> ns)
    {
        var name = ns(way);
        var links = JsonNode.Parse(await run.IpCheckAsync(name, ["-j", "-d", "addr", "show"]))!.AsArray();
        var text = new System.Text.StringBuilder();
        foreach (var link in links)
        {
            var device = link!["ifname"]!.GetValue<string>();
            var delay = await run.ExecAsync(name, "sysctl", ["-n", $"net.ipv4.neigh.{device}.proxy_delay"]);
            text.Append("link ").Append(Normalize(link)).Append(" proxy_delay=").AppendLine(delay.Stdout.Trim());
        }
        text.Append("routes ").AppendLine(Normalize(JsonNode.Parse(await run.IpCheckAsync(name, ["-j", "-d", "route", "show", "table", "all"]))));
        text.Append("rules ").AppendLine(Normalize(JsonNode.Parse(await run.IpCheckAsync(name, ["-j", "-d", "rule", "show"]))));
        return text.ToString();
    }

    /// <summary>Asserts that the namespace given by <paramref name="ns"/> holds the same in both ways, and returns that state.</summary>
    public async Task<string> AssertSameAsync(Func<Way, string> ns)
    {
        var processes = await StateAsync(Processes, ns);
        var netlink = await StateAsync(Netlink, ns);
        Assert.Equal(processes, netlink);
        return netlink;
    }

    /// <summary>The conntrack table of a namespace as conntrack -L prints it, sorted, without the counting-down timeouts
    /// and the "flow entries" summary.</summary>
    public async Task<IReadOnlyList<string>> ConntrackAsync(string ns)
    {
        var list = await run.ExecAsync(ns, "conntrack", ["-L"]);
        Assert.True(list.Succeeded, list.Stderr);
        return list.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(f => string.Join(' ', f.Where((_, i) => i != 2))) // protocol name, number, timeout, ...
            .Order(StringComparer.Ordinal).ToList();
    }

    private static readonly HashSet<string> Varying = new(StringComparer.Ordinal)
    {
        "ifindex", "link_index", "link_netnsid", "link", "stats", "stats64", "operstate", "linkmode", "valid_life_time", "preferred_life_time",
        "inet6_addr_gen_mode",
    };

    // Carrier flags follow the peer's state through the kernel's link watch, asynchronously.
    private static readonly HashSet<string> CarrierFlags = new(StringComparer.Ordinal) { "LOWER_UP", "NO-CARRIER", "M-DOWN" };

    private static string Normalize(JsonNode? node)
    {
        Strip(node);
        return node?.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) ?? "null";
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).Where(Varying.Contains).ToList())
                    o.Remove(key);
                if (o["flags"] is JsonArray flags)
                {
                    foreach (var f in flags.Where(f => f is not null && CarrierFlags.Contains(f.GetValue<string>())).ToList())
                        flags.Remove(f);
                }
                foreach (var (_, child) in o)
                    Strip(child);
                break;
            case JsonArray a:
                foreach (var child in a)
                    Strip(child);
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Processes.Applier.Dispose();
        Netlink.Applier.Dispose();
        foreach (var ns in Processes.All.Concat(Netlink.All).Where(Namespaces.Exists))
        {
            var del = await run.IpAsync(null, ["netns", "del", ns]);
            if (!del.Succeeded && !del.SaysMissing)
                throw new CommandFailedException(del);
        }
    }
}
