namespace Eipnet.Contracts.Vpcs;

public sealed record DescribeRouteTableListResponse(string RequestId, long TotalCount, int PageNumber, int PageSize, RouteTableList RouterTableList);
