namespace Eipnet.Contracts.Vpcs;

public sealed record DescribeVpcsResponse(string RequestId, long TotalCount, int PageNumber, int PageSize, VpcList Vpcs);
