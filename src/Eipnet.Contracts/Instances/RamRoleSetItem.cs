namespace Eipnet.Contracts.Instances;

public sealed record RamRoleSetItem(string InstanceId, string RamRoleName);
