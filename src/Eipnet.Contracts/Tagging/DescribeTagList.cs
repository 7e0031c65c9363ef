namespace Eipnet.Contracts.Tagging;

public sealed record DescribeTagList(IReadOnlyList<DescribeTagItem> Tag);
