namespace Eipnet.Contracts.SecurityGroups;

/// <summary>A security group as DescribeSecurityGroups shows it.</summary>
/// <remarks>EcsCount is the number of network interfaces in the group; AvailableInstanceAmount what the group can still take.</remarks>
public sealed record SecurityGroupItem
{
    public required string SecurityGroupId { get; init; }
    public required string SecurityGroupName { get; init; }
    public required string SecurityGroupType { get; init; }
    public required string VpcId { get; init; }
    public required string Description { get; init; }
    public required string CreationTime { get; init; }
    public required string ResourceGroupId { get; init; }
    public required int EcsCount { get; init; }
    public required int AvailableInstanceAmount { get; init; }
    public required int RuleCount { get; init; }
    public required int GroupToGroupRuleCount { get; init; }
    public required bool ServiceManaged { get; init; }
    public required SecurityGroupTagList Tags { get; init; }
}
