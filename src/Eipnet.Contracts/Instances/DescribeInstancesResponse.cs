namespace Eipnet.Contracts.Instances;

/// <summary>DescribeInstances' answer. NextToken is the next page's token, empty on the last page.</summary>
public sealed record DescribeInstancesResponse(string RequestId, long TotalCount, int PageNumber, int PageSize, string NextToken, InstanceList Instances);
