namespace Eipnet.Contracts.Regions;

public sealed record ImageTagList(IReadOnlyList<ImageTag> Tag);
