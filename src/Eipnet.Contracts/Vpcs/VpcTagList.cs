namespace Eipnet.Contracts.Vpcs;

public sealed record VpcTagList(IReadOnlyList<VpcTag> Tag);
