namespace Eipnet.Contracts.Instances;

/// <summary>DescribeInstanceAttachmentAttributes: the private pool each instance uses (none in Eipnet).</summary>
public sealed record DescribeInstanceAttachmentAttributesResponse(string RequestId, int TotalCount, int PageNumber, int PageSize, AttachmentAttributeList Instances);
