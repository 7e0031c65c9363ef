namespace Eipnet.Contracts.Eips;

public sealed record DescribeEipAddressesResponse(string RequestId, long TotalCount, int PageNumber, int PageSize, EipAddressList EipAddresses);
