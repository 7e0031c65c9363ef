namespace Eipnet.Contracts.Instances;

public sealed record InstanceSecurityGroupIdList(IReadOnlyList<string> SecurityGroupId);
