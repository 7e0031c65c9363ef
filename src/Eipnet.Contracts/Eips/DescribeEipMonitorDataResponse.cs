namespace Eipnet.Contracts.Eips;

/// <summary>DescribeEipMonitorData's answer: one entry per Period in the window, oldest first.</summary>
public sealed record DescribeEipMonitorDataResponse(string RequestId, EipMonitorDataList EipMonitorDatas);
