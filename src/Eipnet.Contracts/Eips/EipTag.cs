namespace Eipnet.Contracts.Eips;

/// <summary>A VPC-style tag (Key/Value; ECS uses TagKey/TagValue).</summary>
public sealed record EipTag(string Key, string Value);
