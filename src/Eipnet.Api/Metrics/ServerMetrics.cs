using Eipnet.Domain.Billing;
using Eipnet.Store;
using Prometheus;

namespace Eipnet.Api.Metrics;

/// <summary>The server's Prometheus metrics, in a registry of its own (several servers may share a process in tests).</summary>
/// <remarks>Requests are counted as they end; the store-derived gauges (EIPs by status and mode, generations, agents) are read
/// from the store when Prometheus scrapes, so every server sharing a database reports the same values. Per-EIP traffic is
/// bounded: the first <see cref="EipSeriesLimit"/> EIPs that carry traffic since the server started get series of their own,
/// the traffic of all others is summed under allocation_id="_other" (docs/metering.md).</remarks>
public sealed class ServerMetrics
{
    /// <summary>The default bound on per-EIP traffic series (each EIP has two: in and out).</summary>
    public const int DefaultEipSeriesLimit = 100;

    public const string OtherEips = "_other";

    private readonly Counter requests;
    private readonly Histogram latency;
    private readonly Histogram agentPasses;
    private readonly Counter trafficBytes;
    private readonly Counter trafficPackets;
    private readonly HashSet<string> eipSeries = new(StringComparer.Ordinal);

    public ServerMetrics(IEipStore store, TimeProvider time, int eipSeriesLimit = DefaultEipSeriesLimit)
    {
        EipSeriesLimit = eipSeriesLimit;
        Registry = Prometheus.Metrics.NewCustomRegistry();
        DotNetStats.Register(Registry);
        var f = Prometheus.Metrics.WithCustomRegistry(Registry);
        requests = f.CreateCounter("eipnet_rpc_requests_total", "RPC requests by action and result code (OK on success).", "action", "code");
        latency = f.CreateHistogram("eipnet_rpc_request_duration_seconds", "RPC request latency by action.",
            new HistogramConfiguration { LabelNames = ["action"], Buckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });
        agentPasses = f.CreateHistogram("eipnet_agent_pass_duration_seconds", "Reconcile passes agents reported (POST /agent/v1/applied) and how long each took, by agent and whether it was a full resync.",
            new HistogramConfiguration { LabelNames = ["agent", "full"], Buckets = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
        trafficBytes = f.CreateCounter("eipnet_eip_traffic_bytes_total", "Bytes metered per EIP (direction in: to the EIP, out: from it), from agents' reports since this server started.", "allocation_id", "direction");
        trafficPackets = f.CreateCounter("eipnet_eip_traffic_packets_total", "Packets metered per EIP, as eipnet_eip_traffic_bytes_total.", "allocation_id", "direction");
        var eips = f.CreateGauge("eipnet_eips", "EIPs by status and association mode (mode empty while unassociated).", "status", "mode");
        var desired = f.CreateGauge("eipnet_desired_generation", "The store's latest revision: the generation every agent should reach.");
        var applied = f.CreateGauge("eipnet_agent_applied_generation", "The generation each agent last reported as applied on its host.", "agent");
        var behind = f.CreateGauge("eipnet_agent_generations_behind", "Desired minus applied generation, per agent.", "agent");
        var seen = f.CreateGauge("eipnet_agent_last_seen_seconds", "Seconds since each agent last asked for intent or reported (-1: never).", "agent");
        var everywhere = f.CreateGauge("eipnet_applied_everywhere_generation", "The generation every agent has applied: transitions up to it have ended.");
        var fds = f.CreateGauge("eipnet_process_open_fds", "File descriptors open in the server process (/proc/self/fd).");

        Registry.AddBeforeCollectCallback(async ct =>
        {
            var counts = await store.EipCountsByStatusAndModeAsync(ct);
            foreach (var labels in eips.GetAllLabelValues().ToList())
            {
                if (!counts.Any(c => c.Status == labels[0] && c.Mode == labels[1]))
                    eips.RemoveLabelled(labels);
            }
            foreach (var (status, mode, count) in counts)
                eips.WithLabels(status, mode).Set(count);

            var revision = (await store.ReadChangesAsync(long.MaxValue, ct)).Revision;
            desired.Set(revision);
            everywhere.Set(await store.AppliedRevisionAsync(ct));
            var now = time.GetUtcNow();
            var agents = await store.ListAgentsAsync(ct);
            foreach (var gauge in new[] { applied, behind, seen })
            {
                foreach (var labels in gauge.GetAllLabelValues().ToList())
                {
                    if (!agents.Any(a => a.Name == labels[0]))
                        gauge.RemoveLabelled(labels);
                }
            }
            foreach (var a in agents)
            {
                applied.WithLabels(a.Name).Set(a.AppliedGeneration);
                behind.WithLabels(a.Name).Set(revision - a.AppliedGeneration);
                seen.WithLabels(a.Name).Set(a.SeenAt is { } at ? (now - at).TotalSeconds : -1);
            }
            fds.Set(OpenFileDescriptors());
        });
    }

    public CollectorRegistry Registry { get; }

    public int EipSeriesLimit { get; }

    /// <summary>Counts one RPC request. <paramref name="action"/> must be a registered action's name or "-" (bounded labels).</summary>
    public void ObserveRequest(string action, string code, TimeSpan elapsed)
    {
        requests.WithLabels(action, code).Inc();
        latency.WithLabels(action).Observe(elapsed.TotalSeconds);
    }

    /// <summary>Counts one reconcile pass an agent reported. Agents are few (each was added by an operator), so the label is bounded.</summary>
    public void ObserveAgentPass(string agent, bool full, double milliseconds) =>
        agentPasses.WithLabels(agent, full ? "true" : "false").Observe(Math.Max(0, milliseconds) / 1000);

    /// <summary>Adds the traffic of one stored report.</summary>
    public void AddTraffic(IReadOnlyList<(string AllocationId, EipTraffic Delta)> deltas)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        foreach (var (id, d) in deltas)
        {
            string label;
            lock (eipSeries)
            {
                label = eipSeries.Contains(id) || (eipSeries.Count < EipSeriesLimit && eipSeries.Add(id)) ? id : OtherEips;
            }
            trafficBytes.WithLabels(label, "in").Inc(d.BytesIn);
            trafficBytes.WithLabels(label, "out").Inc(d.BytesOut);
            trafficPackets.WithLabels(label, "in").Inc(d.PacketsIn);
            trafficPackets.WithLabels(label, "out").Inc(d.PacketsOut);
        }
    }

    private static int OpenFileDescriptors()
    {
        try
        {
            return Directory.GetFiles("/proc/self/fd").Length;
        }
        catch (IOException)
        {
            return -1;
        }
        catch (UnauthorizedAccessException)
        {
            return -1;
        }
    }
}
