namespace Eipnet.Contracts.Vpcs;

public sealed record VSwitchList(IReadOnlyList<VSwitchItem> VSwitch);
