namespace Eipnet.Contracts.Instances;

public sealed record RamRoleSetList(IReadOnlyList<RamRoleSetItem> InstanceRamRoleSet);
