namespace Eipnet.Contracts.Vpcs;

public record VSwitchItem
{
    public required string VSwitchId { get; init; }
    public required string VpcId { get; init; }
    public required string ZoneId { get; init; }
    public required string Status { get; init; }
    public required string CidrBlock { get; init; }
    public required string Ipv6CidrBlock { get; init; }
    public required string VSwitchName { get; init; }
    public required string Description { get; init; }
    public required bool IsDefault { get; init; }
    public required long AvailableIpAddressCount { get; init; }
    public required string CreationTime { get; init; }
    public required string ResourceGroupId { get; init; }
    public required long OwnerId { get; init; }
    public required string NetworkAclId { get; init; }
    public required string ShareType { get; init; }
    public required bool EnabledIpv6 { get; init; }
    public required VSwitchRouteTable RouteTable { get; init; }
    public required VpcTagList Tags { get; init; }
}
