namespace Eipnet.Contracts.Instances;

/// <summary>DescribeDisks: the system disks of the caller's instances. NextToken is empty on the last page.</summary>
public sealed record DescribeDisksResponse(string RequestId, long TotalCount, int PageNumber, int PageSize, string NextToken, DiskList Disks);
