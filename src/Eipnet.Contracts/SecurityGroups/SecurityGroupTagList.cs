namespace Eipnet.Contracts.SecurityGroups;

/// <summary>The Tags.Tag[] wrapper of a security group.</summary>
public sealed record SecurityGroupTagList(IReadOnlyList<SecurityGroupTag> Tag);
