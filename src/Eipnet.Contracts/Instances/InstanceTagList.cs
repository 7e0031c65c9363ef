namespace Eipnet.Contracts.Instances;

public sealed record InstanceTagList(IReadOnlyList<InstanceTag> Tag);
