namespace Eipnet.Cli.Bench;

/// <summary>One measurement: the rate achieved (per second of wall-clock time) and the same work per CPU-second used by the
/// processes at both ends.</summary>
/// <remarks>On a veth path the whole forwarding path, the gateway included, runs in softirq in the context of the process
/// that sent the packet, and a kernel built without CONFIG_IRQ_TIME_ACCOUNTING (as these machines' kernels are) charges
/// that time to the process. So the ends' CPU time covers the gateway's work. The rate falls when other tenants of the
/// machine take CPU time; the work per CPU-second does not (cache and memory contention still move it), so it is the
/// steadier comparison on a shared machine.</remarks>
internal sealed record ForwardingSample(double Rate, double PerCpuSecond);
