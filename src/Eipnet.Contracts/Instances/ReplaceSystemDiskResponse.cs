namespace Eipnet.Contracts.Instances;

/// <summary>ReplaceSystemDisk's answer: the id of the instance's system disk (Eipnet keeps the disk's id, see docs/decisions.md).</summary>
public sealed record ReplaceSystemDiskResponse(string RequestId, string DiskId);
