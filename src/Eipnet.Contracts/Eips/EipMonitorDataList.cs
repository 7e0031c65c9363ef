namespace Eipnet.Contracts.Eips;

public sealed record EipMonitorDataList(IReadOnlyList<EipMonitorData> EipMonitorData);
