namespace Eipnet.Contracts.Regions;

public sealed record ImageList(IReadOnlyList<ImageItem> Image);
