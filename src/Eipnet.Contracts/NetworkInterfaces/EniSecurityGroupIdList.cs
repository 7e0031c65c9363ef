namespace Eipnet.Contracts.NetworkInterfaces;

public sealed record EniSecurityGroupIdList(IReadOnlyList<string> SecurityGroupId);
