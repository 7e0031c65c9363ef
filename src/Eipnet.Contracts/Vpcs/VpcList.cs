namespace Eipnet.Contracts.Vpcs;

public sealed record VpcList(IReadOnlyList<VpcItem> Vpc);
