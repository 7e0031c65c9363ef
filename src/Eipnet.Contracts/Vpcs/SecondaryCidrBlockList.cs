namespace Eipnet.Contracts.Vpcs;

public sealed record SecondaryCidrBlockList(IReadOnlyList<string> SecondaryCidrBlock);
