namespace Eipnet.Contracts.SecurityGroups;

/// <summary>The answer of CreateSecurityGroup: the new group's id (sg-...).</summary>
public sealed record CreateSecurityGroupResponse(string RequestId, string SecurityGroupId);
