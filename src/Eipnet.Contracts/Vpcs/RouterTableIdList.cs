namespace Eipnet.Contracts.Vpcs;

public sealed record RouterTableIdList(IReadOnlyList<string> RouterTableIds);
