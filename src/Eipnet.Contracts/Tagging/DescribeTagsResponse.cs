namespace Eipnet.Contracts.Tagging;

/// <summary>ECS DescribeTags: the distinct tags of the account's resources, a page of them.</summary>
public sealed record DescribeTagsResponse(string RequestId, int PageSize, int PageNumber, int TotalCount, DescribeTagList Tags);
