namespace Eipnet.Contracts.Instances;

public sealed record AttachmentAttributeList(IReadOnlyList<AttachmentAttributeItem> Instance);
