namespace Eipnet.Contracts.NetworkInterfaces;

/// <summary>DescribeNetworkInterfaces' answer. NextToken is the next page's token, empty on the last page.</summary>
public sealed record DescribeNetworkInterfacesResponse(
    string RequestId, long TotalCount, int PageNumber, int PageSize, string NextToken, NetworkInterfaceSetList NetworkInterfaceSets);
