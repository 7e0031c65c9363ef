namespace Eipnet.Contracts.SecurityGroups;

/// <summary>One page of DescribeSecurityGroups.</summary>
/// <remarks>PageNumber and PageSize are null (omitted) when the caller pages with MaxResults/NextToken; NextToken is empty on the last page.</remarks>
public sealed record DescribeSecurityGroupsResponse(
    string RequestId, string RegionId, long TotalCount, int? PageNumber, int? PageSize, string NextToken, SecurityGroupList SecurityGroups);
