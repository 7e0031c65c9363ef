namespace Eipnet.Domain.Resources;

/// <summary>A subnet of a VPC in one zone; private addresses of ENIs come from its CIDR.</summary>
public sealed record VSwitch(
    string VSwitchId,
    string AccountId,
    string RegionId,
    string VpcId,
    string ZoneId,
    string CidrBlock,
    string VSwitchName,
    string Description,
    DateTimeOffset CreationTime)
{
    /// <summary>The vSwitch's tags, in the order they were first set.</summary>
    public IReadOnlyList<ResourceTag> Tags { get; init; } = [];

    /// <summary>The resource group of the vSwitch's VPC (a vSwitch moves with its VPC); empty when the VPC has none.</summary>
    public string ResourceGroupId { get; init; } = "";
}
