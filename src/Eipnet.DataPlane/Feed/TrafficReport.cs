using System.Text.Json.Serialization;

namespace Eipnet.DataPlane.Feed;

/// <summary>What an agent reports of the kernel's per-EIP counters: <c>POST {TrafficWire.Path}</c> with this body, under the
/// same bearer token as the rest of <see cref="AgentWire"/>; answered 204 (stored), 400 (malformed) or 401.</summary>
/// <remarks>CountersSince identifies the counters' epoch: the agent's start time (ISO 8601 UTC), the same in every report of
/// one agent process. Each EIP's counters count from zero at that time and only grow; the server turns them into deltas and
/// treats a new CountersSince, or a counter lower than the last one, as a reset (all of the new value is new traffic). Send a
/// report every <see cref="TrafficWire.Interval"/>; a report may carry any subset of the host's EIPs, so a large host may split
/// one interval's counters over several reports. EIPs the server does not know (released) are ignored.</remarks>
public sealed record TrafficReport(string CountersSince, IReadOnlyList<EipCounters> Eips);

/// <summary>One EIP's counters: Rx = received by the EIP (from the internet towards its target), Tx = sent from it.</summary>
public sealed record EipCounters(string AllocationId, long RxBytes, long TxBytes, long RxPackets, long TxPackets);

/// <summary>The traffic part of the agent contract.</summary>
public static class TrafficWire
{
    public const string Path = "/agent/v1/traffic";

    /// <summary>How often an agent reports: the samples' resolution, and at most what an agent restart loses.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(60);

    /// <summary>The largest report the server reads (about 100,000 EIPs).</summary>
    public const int MaxReportBytes = 16 * 1024 * 1024;

    public static TrafficWireJsonContext Json => TrafficWireJsonContext.Default;
}

[JsonSerializable(typeof(TrafficReport))]
public sealed partial class TrafficWireJsonContext : JsonSerializerContext;
