using System.Globalization;
using Eipnet.Api.Rpc;
using Eipnet.Contracts.NetworkInterfaces;
using Eipnet.Domain.Resources;

namespace Eipnet.Api.NetworkInterfaces;

/// <summary>An ENI as CreateNetworkInterface and DescribeNetworkInterfaces show it.</summary>
internal static class EniView
{
    private static readonly EniAssociatedPublicIp NoPublicIp = new("", "");

    /// <summary>The ECS API shows OwnerId as a string of the numeric account id.</summary>
    public static string OwnerId(string accountId) => Owners.NumericId(accountId).ToString(CultureInfo.InvariantCulture);

    public static CreateNetworkInterfaceResponse Created(string requestId, NetworkInterface n) => new()
    {
        RequestId = requestId,
        NetworkInterfaceId = n.NetworkInterfaceId,
        Status = n.Status.ToString(),
        Type = n.Type.ToString(),
        VpcId = n.VpcId,
        VSwitchId = n.VSwitchId,
        ZoneId = n.ZoneId,
        PrivateIpAddress = n.PrimaryIpAddress,
        MacAddress = n.MacAddress,
        NetworkInterfaceName = n.NetworkInterfaceName,
        Description = n.Description,
        ResourceGroupId = n.ResourceGroupId,
        OwnerId = OwnerId(n.AccountId),
        ServiceID = 0,
        ServiceManaged = false,
        SourceDestCheck = n.SourceDestCheck,
        SecurityGroupIds = new EniSecurityGroupIdList(n.SecurityGroupIds),
        PrivateIpSets = new EniPrivateIpSetList(n.PrivateIpAddresses.Select(ip => new EniPrivateIpSet(ip, ip == n.PrimaryIpAddress)).ToList()),
        Ipv6Sets = new EniIpv6SetList([]),
        Ipv4PrefixSets = new EniIpv4PrefixSetList([]),
        Ipv6PrefixSets = new EniIpv6PrefixSetList([]),
        Tags = new EniTagList(n.Tags.Select(t => new EniTag(t.Key, t.Value)).ToList()),
    };

    /// <summary>One ENI with the EIPs mapped to its private IPs (<paramref name="onEni"/>: EIPs whose association names this ENI).</summary>
    public static NetworkInterfaceSetItem ToItem(NetworkInterface n, IReadOnlyList<Eip> onEni) => new()
    {
        NetworkInterfaceId = n.NetworkInterfaceId,
        NetworkInterfaceName = n.NetworkInterfaceName,
        Status = n.Status.ToString(),
        Type = n.Type.ToString(),
        InstanceId = n.InstanceId ?? "",
        VpcId = n.VpcId,
        VSwitchId = n.VSwitchId,
        ZoneId = n.ZoneId,
        PrivateIpAddress = n.PrimaryIpAddress,
        MacAddress = n.MacAddress,
        Description = n.Description,
        CreationTime = Times.Format(n.CreationTime),
        OwnerId = OwnerId(n.AccountId),
        ResourceGroupId = n.ResourceGroupId,
        DeleteOnRelease = n.DeleteOnRelease,
        ServiceID = 0,
        ServiceManaged = false,
        QueueNumber = 1,
        SourceDestCheck = n.SourceDestCheck,
        NetworkInterfaceTrafficMode = "Standard",
        AssociatedPublicIp = PublicIpOf(onEni, n.PrimaryIpAddress),
        Attachment = n.InstanceId is null ? null : new EniAttachment(n.InstanceId, n.DeviceIndex, 0, ""),
        PrivateIpSets = new EniPrivateIpSetList(n.PrivateIpAddresses
            .Select(ip => new EniPrivateIpSet(ip, ip == n.PrimaryIpAddress, "", PublicIpOf(onEni, ip))).ToList()),
        SecurityGroupIds = new EniSecurityGroupIdList(n.SecurityGroupIds),
        Ipv6Sets = new EniIpv6SetList([]),
        Ipv4PrefixSets = new EniIpv4PrefixSetList([]),
        Ipv6PrefixSets = new EniIpv6PrefixSetList([]),
        Tags = new EniTagList(n.Tags.Select(t => new EniTag(t.Key, t.Value)).ToList()),
    };

    // Multi-EIP mode maps several EIPs to the primary IP; the field holds one, so the first allocated is shown.
    private static EniAssociatedPublicIp PublicIpOf(IReadOnlyList<Eip> onEni, string privateIp) =>
        onEni.FirstOrDefault(e => e.Association?.PrivateIpAddress == privateIp) is { } eip
            ? new EniAssociatedPublicIp(eip.AllocationId, eip.IpAddress)
            : NoPublicIp;
}
