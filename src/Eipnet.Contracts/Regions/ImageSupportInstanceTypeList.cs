namespace Eipnet.Contracts.Regions;

/// <summary>The InstanceTypes.InstanceType[] wrapper of DescribeImageSupportInstanceTypes.</summary>
public sealed record ImageSupportInstanceTypeList(IReadOnlyList<ImageSupportInstanceType> InstanceType);
