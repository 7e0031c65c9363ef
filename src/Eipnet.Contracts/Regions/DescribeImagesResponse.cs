namespace Eipnet.Contracts.Regions;

/// <summary>DescribeImages: a page of the image catalogue.</summary>
public sealed record DescribeImagesResponse(string RequestId, string RegionId, int TotalCount, int PageNumber, int PageSize, ImageList Images);
