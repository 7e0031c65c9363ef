namespace Eipnet.Contracts.SecurityGroups;

/// <summary>One security group rule on the wire.</summary>
/// <remarks>Priority is a string, as Alibaba sends it. Policy is Accept or Drop. Fields Eipnet does not support (IPv6, prefix
/// lists, port lists, source ports) are empty strings.</remarks>
public sealed record PermissionItem
{
    public required string SecurityGroupRuleId { get; init; }
    public required string Direction { get; init; }
    public required string IpProtocol { get; init; }
    public required string PortRange { get; init; }
    public required string SourceCidrIp { get; init; }
    public required string DestCidrIp { get; init; }
    public required string SourceGroupId { get; init; }
    public required string DestGroupId { get; init; }
    public required string SourceGroupName { get; init; }
    public required string DestGroupName { get; init; }
    public required string SourceGroupOwnerAccount { get; init; }
    public required string DestGroupOwnerAccount { get; init; }
    public required string Policy { get; init; }
    public required string Priority { get; init; }
    public required string NicType { get; init; }
    public required string Description { get; init; }
    public required string CreateTime { get; init; }
    public required string Ipv6SourceCidrIp { get; init; }
    public required string Ipv6DestCidrIp { get; init; }
    public required string SourcePortRange { get; init; }
    public required string SourcePrefixListId { get; init; }
    public required string SourcePrefixListName { get; init; }
    public required string DestPrefixListId { get; init; }
    public required string DestPrefixListName { get; init; }
    public required string PortRangeListId { get; init; }
    public required string PortRangeListName { get; init; }
}
