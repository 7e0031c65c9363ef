namespace Eipnet.Contracts.Vpcs;

public sealed record DescribeVSwitchesResponse(string RequestId, long TotalCount, int PageNumber, int PageSize, VSwitchList VSwitches);
