namespace Eipnet.Contracts.NetworkInterfaces;

/// <summary>An ECS-style tag (TagKey/TagValue; the VPC API uses Key/Value).</summary>
public sealed record EniTag(string TagKey, string TagValue);
