namespace Eipnet.Contracts.SecurityGroups;

/// <summary>The SecurityGroups.SecurityGroup[] wrapper; an empty list is [].</summary>
public sealed record SecurityGroupList(IReadOnlyList<SecurityGroupItem> SecurityGroup);
