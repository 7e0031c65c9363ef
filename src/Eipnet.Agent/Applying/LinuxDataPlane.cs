using Eipnet.Agent.Kernel;
using Eipnet.Agent.Lab;
using Eipnet.DataPlane;
using Eipnet.DataPlane.Feed;
using Eipnet.DataPlane.Linux;

namespace Eipnet.Agent.Applying;

/// <summary>The data plane that moves real packets: intent becomes nftables and iproute2 state in the lab's namespaces.</summary>
/// <remarks>Steady state: each pass folds the changes into <see cref="DesiredState"/>, replaces the fragments of what they
/// touched in the last applied plan (<see cref="IncrementalPlanner"/>; the whole host when it cannot) and applies only the
/// difference (element-level nft commands in one transaction). A full pass (start, resync) and
/// any pass after a failure observe the kernel instead, apply the difference from what is actually there and reload the nft
/// table whole, which repairs drift: whatever a crash or a hand changed in what we own comes back, and what we own but no
/// longer want goes.</remarks>
public sealed class LinuxDataPlane(LabTopology lab, CommandRunner run) : IDataPlane, IDisposable
{
    private readonly DesiredState desired = new();
    private readonly HostApplier applier = new(run) { UnderlayNamespace = lab.Options.UnderlayNamespace };
    private readonly HostObserver observer = new(run, lab.Options.Plan, new HashSet<string>(StringComparer.Ordinal) { lab.Options.InternetNamespace });
    private HostPlan? applied;

    public string Name => "linux";

    public LabTopology Lab => lab;

    /// <summary>The plan the kernel holds now (null before the first pass and after a failed one).</summary>
    public HostPlan? Applied => applied;

    /// <summary>Whether this machine can run it: root, and the ip and nft commands.</summary>
    public static bool IsAvailable(out string why)
    {
        if (!OperatingSystem.IsLinux())
            why = "not Linux";
        else if (Environment.UserName != "root" && Environment.GetEnvironmentVariable("USER") != "root")
            why = "not running as root";
        else if (!OnPath("ip"))
            why = "iproute2 (ip) is not installed";
        else if (!OnPath("nft"))
            why = "nftables (nft) is not installed";
        else
        {
            why = "";
            return true;
        }
        return false;
    }

    /// <summary>What the last pass did and how long its parts took (for benchmarks and the log).</summary>
    public PassStats? LastPass { get; private set; }

    public async Task ApplyAsync(DesiredChanges changes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var commandsBefore = run.Count;
        var touched = desired.Apply(changes);
        var resync = changes.Full || applied is null;
        HostPlan plan;
        HostDiff diff;
        if (!resync && IncrementalPlanner.TryPlan(applied!, desired, touched, lab.Options.Plan, out var next, out var fast))
        {
            // What the change touches only (an EIP's elements, an ENI's link and addresses, an instance, a group's chains), in
            // time that does not grow with the number of EIPs.
            plan = next;
            diff = fast;
        }
        else if (resync)
        {
            plan = HostPlan.For(desired, lab.Options.Plan);
            // A session in a namespace that was deleted keeps that namespace, and the uplink in it, alive: end it first.
            applier.CloseStaleSessions();
            await lab.EnsureAsync(plan.Namespaces.Contains(lab.Options.Plan.GatewayNamespace), plan.Namespaces.Contains(lab.Options.Plan.ParkingNamespace), ct);
            diff = HostDiff.Between(await observer.ObserveAsync(plan, ct), plan, lab.Options.Plan, reloadTable: true);
        }
        else
        {
            plan = HostPlan.For(desired, lab.Options.Plan);
            diff = HostDiff.Between(applied, plan, lab.Options.Plan);
        }
        var planned = clock.Elapsed;
        applied = null; // until this pass has gone through: a failure part-way leaves the kernel between two plans
        await applier.ApplyAsync(diff, ct);
        applied = plan;
        LastPass = new PassStats(changes.Revision, resync, diff.Operations.Count, run.Count - commandsBefore, planned, clock.Elapsed - planned);
    }

    /// <summary>Reads the gateway's per-EIP counters (<c>eip_rx</c>, <c>eip_tx</c>): one nft process per set, once per interval,
    /// off the path that applies changes. Nothing on a host that is no gateway.</summary>
    public async Task<IReadOnlyList<EipCounters>> ReadTrafficAsync(CancellationToken ct)
    {
        var plan = applied;
        var gw = lab.Options.Plan.GatewayNamespace;
        if (plan is null || !plan.Namespaces.Contains(gw) || plan.EipTargets.Count == 0)
            return [];
        var rx = await CountersAsync(gw, HostPlan.EipRxSet, ct);
        var tx = await CountersAsync(gw, HostPlan.EipTxSet, ct);
        var counters = new List<EipCounters>();
        foreach (var (address, target) in plan.EipTargets)
        {
            var (rxPackets, rxBytes) = rx.GetValueOrDefault(address);
            var (txPackets, txBytes) = tx.GetValueOrDefault(address);
            if (target.AllocationId.Length > 0)
                counters.Add(new EipCounters(target.AllocationId, rxBytes, txBytes, rxPackets, txPackets));
        }
        return counters;
    }

    private async Task<Dictionary<string, (long Packets, long Bytes)>> CountersAsync(string ns, string set, CancellationToken ct)
    {
        var result = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        var listed = await run.ExecAsync(ns, "nft", ["-j", "list", "set", "ip", lab.Options.Plan.TableName, set], null, ct);
        if (!listed.Succeeded)
            return result; // the table is being replaced, or the namespace is being repaired: the next interval reads it
        using var json = System.Text.Json.JsonDocument.Parse(listed.Stdout);
        foreach (var item in json.RootElement.GetProperty("nftables").EnumerateArray())
        {
            if (!item.TryGetProperty("set", out var s) || !s.TryGetProperty("elem", out var elements))
                continue;
            foreach (var element in elements.EnumerateArray())
            {
                if (element.TryGetProperty("elem", out var e) && e.TryGetProperty("val", out var val) && e.TryGetProperty("counter", out var c))
                    result[val.GetString()!] = (c.GetProperty("packets").GetInt64(), c.GetProperty("bytes").GetInt64());
            }
        }
        return result;
    }

    /// <summary>The applier, whose nft sessions tests inspect.</summary>
    public HostApplier Applier => applier;

    /// <summary>Ends the nft helpers; the kernel state stays as applied.</summary>
    public void Dispose() => applier.Dispose();

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/sbin:/usr/bin:/sbin:/bin").Split(':')
            .Append("/usr/sbin").Append("/sbin")
            .Any(dir => File.Exists(Path.Combine(dir, program)));
}
