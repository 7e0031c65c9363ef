namespace Eipnet.Contracts.Instances;

/// <summary>An ECS-style tag (TagKey/TagValue).</summary>
public sealed record InstanceTag(string TagKey, string TagValue);
