using Eipnet.Domain.Associations;

namespace Eipnet.Domain.Resources;

/// <summary>An elastic IP address allocated from a region's pool, with its association when it has one.</summary>
/// <remarks>Bandwidth is in Mbit/s. Association is null while unassociated; it is set the moment an association is accepted.</remarks>
public sealed record Eip(
    string AllocationId,
    string AccountId,
    string RegionId,
    string IpAddress,
    EipStatus Status,
    int Bandwidth,
    string InternetChargeType,
    string InstanceChargeType,
    string Isp,
    string Name,
    string Description,
    DateTimeOffset AllocationTime,
    Association? Association,
    long Revision)
{
    /// <summary>The EIP's tags, in the order they were given.</summary>
    public IReadOnlyList<ResourceTag> Tags { get; init; } = [];

    /// <summary>The resource group the EIP is in; empty when none was given.</summary>
    public string ResourceGroupId { get; init; } = "";

    /// <summary>True while deletion protection is on: ReleaseEipAddress is refused (<see cref="EipRelease"/>).</summary>
    public bool DeletionProtection { get; init; }
}
