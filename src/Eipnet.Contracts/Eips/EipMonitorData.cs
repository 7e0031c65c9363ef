namespace Eipnet.Contracts.Eips;

/// <summary>One period of an EIP's traffic, as Alibaba names it: EipRX bytes in, EipTX bytes out, EipPackets in and out,
/// EipFlow = EipRX + EipTX, EipBandwidth = EipFlow / Period (bytes per second), TimeStamp the period's start (UTC).</summary>
public sealed record EipMonitorData(long EipRX, long EipTX, long EipPackets, long EipFlow, long EipBandwidth, string TimeStamp);
