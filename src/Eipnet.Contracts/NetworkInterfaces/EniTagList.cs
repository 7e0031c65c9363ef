namespace Eipnet.Contracts.NetworkInterfaces;

public sealed record EniTagList(IReadOnlyList<EniTag> Tag);
