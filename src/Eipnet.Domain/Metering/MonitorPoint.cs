using Eipnet.Domain.Billing;

namespace Eipnet.Domain.Metering;

/// <summary>One DescribeEipMonitorData entry: the traffic of [Start, Start + Period).</summary>
/// <remarks>Bandwidth is the period's average in bytes per second, (bytes in + bytes out) / Period, as Alibaba defines EipBandwidth.</remarks>
public sealed record MonitorPoint(DateTimeOffset Start, EipTraffic Traffic, long Bandwidth);
