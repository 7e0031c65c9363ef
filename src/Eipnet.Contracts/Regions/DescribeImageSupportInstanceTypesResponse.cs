namespace Eipnet.Contracts.Regions;

/// <summary>DescribeImageSupportInstanceTypes' answer: the instance types an image can be launched on.</summary>
public sealed record DescribeImageSupportInstanceTypesResponse(string RequestId, string RegionId, string ImageId, ImageSupportInstanceTypeList InstanceTypes);
