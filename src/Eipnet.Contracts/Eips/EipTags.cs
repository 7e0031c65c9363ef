namespace Eipnet.Contracts.Eips;

public sealed record EipTags(IReadOnlyList<EipTag> Tag);
