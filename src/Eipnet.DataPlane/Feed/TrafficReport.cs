namespace Eipnet.DataPlane.Feed;

/// <summary>What an agent reports of the kernel's per-EIP counters: <c>POST {TrafficWire.Path}</c> with this body, under the
/// same bearer token as the rest of <see cref="AgentWire"/>; answered 204 (stored), 400 (malformed) or 401.</summary>
/// <remarks>CountersSince identifies the counters' epoch: the agent's start time (ISO 8601 UTC), the same in every report of
/// one agent process. Each EIP's counters count from zero at that time and only grow; the server turns them into deltas and
/// treats a new CountersSince, or a counter lower than the last one, as a reset (all of the new value is new traffic). Send a
/// report every <see cref="TrafficWire.Interval"/>; a report may carry any subset of the host's EIPs, so a large host may split
/// one interval's counters over several reports. EIPs the server does not know (released) are ignored.</remarks>
public sealed record TrafficReport(string CountersSince, IReadOnlyList<EipCounters> Eips);
