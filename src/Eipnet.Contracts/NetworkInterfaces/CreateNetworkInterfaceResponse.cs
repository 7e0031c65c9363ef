namespace Eipnet.Contracts.NetworkInterfaces;

/// <summary>CreateNetworkInterface's answer: the new ENI (alibaba-api.md §2.1; OwnerId is a string on this API).</summary>
public sealed record CreateNetworkInterfaceResponse
{
    public required string RequestId { get; init; }
    public required string NetworkInterfaceId { get; init; }
    public required string Status { get; init; }
    public required string Type { get; init; }
    public required string VpcId { get; init; }
    public required string VSwitchId { get; init; }
    public required string ZoneId { get; init; }
    public required string PrivateIpAddress { get; init; }
    public required string MacAddress { get; init; }
    public required string NetworkInterfaceName { get; init; }
    public required string Description { get; init; }
    public required string ResourceGroupId { get; init; }
    public required string OwnerId { get; init; }
    public required long ServiceID { get; init; }
    public required bool ServiceManaged { get; init; }
    public required bool SourceDestCheck { get; init; }
    public required EniSecurityGroupIdList SecurityGroupIds { get; init; }
    public required EniPrivateIpSetList PrivateIpSets { get; init; }
    public required EniIpv6SetList Ipv6Sets { get; init; }
    public required EniIpv4PrefixSetList Ipv4PrefixSets { get; init; }
    public required EniIpv6PrefixSetList Ipv6PrefixSets { get; init; }
    public required EniTagList Tags { get; init; }
}
