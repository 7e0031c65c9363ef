namespace Eipnet.Domain.Catalog;

/// <summary>An instance type: vCPUs, memory in GiB, ENIs per instance (primary included) and private IPv4 addresses per ENI.</summary>
/// <remarks>AttachRequiresStopped marks the small types that accept ENI attach/detach only while Stopped.</remarks>
public sealed record InstanceTypeSpec(
    string InstanceTypeId,
    string InstanceTypeFamily,
    int CpuCoreCount,
    double MemorySize,
    int EniQuantity,
    int EniPrivateIpAddressQuantity,
    bool AttachRequiresStopped);
