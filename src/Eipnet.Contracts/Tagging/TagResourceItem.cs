namespace Eipnet.Contracts.Tagging;

/// <summary>One tag of one resource in ListTagResources.</summary>
public sealed record TagResourceItem(string ResourceId, string ResourceType, string TagKey, string TagValue);
