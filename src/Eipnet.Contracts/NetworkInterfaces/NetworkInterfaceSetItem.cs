namespace Eipnet.Contracts.NetworkInterfaces;

/// <summary>One ENI in DescribeNetworkInterfaces (alibaba-api.md §2.7). Attachment is null (left out) while the ENI is on no instance.</summary>
public sealed record NetworkInterfaceSetItem
{
    public required string NetworkInterfaceId { get; init; }
    public required string NetworkInterfaceName { get; init; }
    public required string Status { get; init; }
    public required string Type { get; init; }
    public required string InstanceId { get; init; }
    public required string VpcId { get; init; }
    public required string VSwitchId { get; init; }
    public required string ZoneId { get; init; }
    public required string PrivateIpAddress { get; init; }
    public required string MacAddress { get; init; }
    public required string Description { get; init; }
    public required string CreationTime { get; init; }
    public required string OwnerId { get; init; }
    public required string ResourceGroupId { get; init; }
    public required bool DeleteOnRelease { get; init; }
    public required long ServiceID { get; init; }
    public required bool ServiceManaged { get; init; }
    public required int QueueNumber { get; init; }
    public required bool SourceDestCheck { get; init; }
    public required string NetworkInterfaceTrafficMode { get; init; }
    public required EniAssociatedPublicIp AssociatedPublicIp { get; init; }
    public EniAttachment? Attachment { get; init; }
    public required EniPrivateIpSetList PrivateIpSets { get; init; }
    public required EniSecurityGroupIdList SecurityGroupIds { get; init; }
    public required EniIpv6SetList Ipv6Sets { get; init; }
    public required EniIpv4PrefixSetList Ipv4PrefixSets { get; init; }
    public required EniIpv6PrefixSetList Ipv6PrefixSets { get; init; }
    public required EniTagList Tags { get; init; }
}
