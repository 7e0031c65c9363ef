namespace Eipnet.Domain.Resources;

/// <summary>A stateful firewall group of one VPC, with its ingress and egress rules.</summary>
public sealed record SecurityGroup(
    string SecurityGroupId,
    string AccountId,
    string RegionId,
    string VpcId,
    string SecurityGroupName,
    string Description,
    string SecurityGroupType,
    DateTimeOffset CreationTime,
    IReadOnlyList<SecurityGroupRule> Rules)
{
    /// <summary>Alibaba's limit of rules per security group.</summary>
    public const int MaxRules = 200;

    /// <summary>The group's tags, in the order they were first set.</summary>
    public IReadOnlyList<ResourceTag> Tags { get; init; } = [];

    /// <summary>The resource group the security group is in; empty when none was given.</summary>
    public string ResourceGroupId { get; init; } = "";
}
