namespace Eipnet.Contracts.SecurityGroups;

/// <summary>An ECS-style tag (TagKey/TagValue; VPC uses Key/Value).</summary>
public sealed record SecurityGroupTag(string TagKey, string TagValue);
