namespace Eipnet.Contracts.Instances;

public sealed record AttachmentAttributeItem(string InstanceId, string PrivatePoolOptionsMatchCriteria, string PrivatePoolOptionsId);
