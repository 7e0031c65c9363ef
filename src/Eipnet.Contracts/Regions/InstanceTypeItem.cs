namespace Eipnet.Contracts.Regions;

/// <summary>An instance type on the wire, with the ENI limits that the attach and private-IP rules enforce.</summary>
/// <remarks>MemorySize is in GiB. EniQuantity and EniTotalQuantity count the primary ENI; EniPrivateIpAddressQuantity is per ENI.
/// Eipnet has no IPv6 and no trunk ENIs, so EniIpv6AddressQuantity is 0 and EniTrunkSupported false.</remarks>
public sealed record InstanceTypeItem
{
    public required string InstanceTypeId { get; init; }
    public required string InstanceTypeFamily { get; init; }
    public required int CpuCoreCount { get; init; }
    public required double MemorySize { get; init; }
    public required int EniQuantity { get; init; }
    public required int EniTotalQuantity { get; init; }
    public required int EniPrivateIpAddressQuantity { get; init; }
    public required int EniIpv6AddressQuantity { get; init; }
    public required bool EniTrunkSupported { get; init; }
}
