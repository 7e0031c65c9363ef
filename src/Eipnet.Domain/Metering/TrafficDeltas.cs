using Eipnet.Domain.Billing;

namespace Eipnet.Domain.Metering;

/// <summary>Turns an agent's cumulative counters into the traffic of one interval.</summary>
public static class TrafficDeltas
{
    /// <summary>The traffic between the previous reading and this one.</summary>
    /// <remarks>Counters count from zero when an agent starts. A reading from another epoch (the agent restarted: its
    /// CountersSince changed), a first reading, or any counter lower than before (reset under a running agent) counts from
    /// zero: the whole reading is new traffic. What the old epoch counted after its last report is lost: at most one report
    /// interval.</remarks>
    public static EipTraffic Between(string? previousEpoch, TrafficCounters? previous, string epoch, TrafficCounters current)
    {
        if (previous is null || previousEpoch != epoch || current.RxBytes < previous.RxBytes || current.TxBytes < previous.TxBytes
            || current.RxPackets < previous.RxPackets || current.TxPackets < previous.TxPackets)
            return new EipTraffic(current.RxBytes, current.TxBytes, current.RxPackets, current.TxPackets);
        return new EipTraffic(current.RxBytes - previous.RxBytes, current.TxBytes - previous.TxBytes,
            current.RxPackets - previous.RxPackets, current.TxPackets - previous.TxPackets);
    }

    /// <summary>Null when the reading can be used; otherwise what is wrong with it (negative counters).</summary>
    public static string? Check(TrafficCounters c) =>
        c.RxBytes < 0 || c.TxBytes < 0 || c.RxPackets < 0 || c.TxPackets < 0 ? "counters cannot be negative" : null;
}
