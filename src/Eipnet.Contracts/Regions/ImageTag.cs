namespace Eipnet.Contracts.Regions;

public sealed record ImageTag(string TagKey, string TagValue);
