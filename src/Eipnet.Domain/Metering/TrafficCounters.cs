namespace Eipnet.Domain.Metering;

/// <summary>An agent's counters for one EIP: bytes and packets received by the EIP (Rx, from the internet) and sent from it
/// (Tx), counted since the agent started; monotonic while that agent process runs.</summary>
public sealed record TrafficCounters(long RxBytes, long TxBytes, long RxPackets, long TxPackets);
