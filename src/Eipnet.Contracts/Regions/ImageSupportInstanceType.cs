namespace Eipnet.Contracts.Regions;

/// <summary>One instance type an image supports; MemorySize in GiB.</summary>
public sealed record ImageSupportInstanceType(string InstanceTypeId, int CpuCoreCount, double MemorySize, string InstanceTypeFamily);
