namespace Eipnet.Contracts.Instances;

public sealed record DiskList(IReadOnlyList<DiskItem> Disk);
