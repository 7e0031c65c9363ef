namespace Eipnet.Contracts.Tagging;

/// <summary>One tag (key and value) and how many resources of each type carry it.</summary>
public sealed record DescribeTagItem(string TagKey, string TagValue, TagResourceTypeCount ResourceTypeCount);
