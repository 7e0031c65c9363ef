namespace Eipnet.DataPlane.Feed;

/// <summary>One EIP's counters: Rx = received by the EIP (from the internet towards its target), Tx = sent from it.</summary>
public sealed record EipCounters(string AllocationId, long RxBytes, long TxBytes, long RxPackets, long TxPackets);
