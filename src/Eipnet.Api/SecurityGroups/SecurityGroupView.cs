using System.Globalization;
using Eipnet.Api.Rpc;
using Eipnet.Contracts.SecurityGroups;
using Eipnet.Domain.Resources;

namespace Eipnet.Api.SecurityGroups;

/// <summary>Security groups and their rules as the ECS API shows them.</summary>
public static class SecurityGroupView
{
    // Alibaba's capacity of a group in private IP addresses: basic (normal) and advanced (enterprise) groups.
    private const int NormalCapacity = 2000, EnterpriseCapacity = 65536;

    public static SecurityGroupItem ToItem(SecurityGroup g, int members) => new()
    {
        SecurityGroupId = g.SecurityGroupId,
        SecurityGroupName = g.SecurityGroupName,
        SecurityGroupType = g.SecurityGroupType,
        VpcId = g.VpcId,
        Description = g.Description,
        CreationTime = Times.Format(g.CreationTime),
        ResourceGroupId = g.ResourceGroupId,
        EcsCount = members,
        AvailableInstanceAmount = Math.Max(0, (g.SecurityGroupType == "enterprise" ? EnterpriseCapacity : NormalCapacity) - members),
        RuleCount = g.Rules.Count,
        GroupToGroupRuleCount = g.Rules.Count(r => r.PeerGroupId.Length > 0),
        ServiceManaged = false,
        Tags = new SecurityGroupTagList(g.Tags.Select(t => new SecurityGroupTag(t.Key, t.Value)).ToList()),
    };

    /// <summary>One rule; <paramref name="groupNames"/> gives the names of the groups rules refer to.</summary>
    public static PermissionItem ToPermission(SecurityGroupRule r, IReadOnlyDictionary<string, string> groupNames)
    {
        var ingress = r.Direction == "ingress";
        var peerName = r.PeerGroupId.Length > 0 ? groupNames.GetValueOrDefault(r.PeerGroupId, "") : "";
        return new PermissionItem
        {
            SecurityGroupRuleId = r.SecurityGroupRuleId,
            Direction = r.Direction,
            IpProtocol = r.IpProtocol,
            PortRange = r.PortRange,
            SourceCidrIp = ingress ? r.PeerCidr : "",
            DestCidrIp = ingress ? "" : r.PeerCidr,
            SourceGroupId = ingress ? r.PeerGroupId : "",
            DestGroupId = ingress ? "" : r.PeerGroupId,
            SourceGroupName = ingress ? peerName : "",
            DestGroupName = ingress ? "" : peerName,
            SourceGroupOwnerAccount = "",
            DestGroupOwnerAccount = "",
            // Alibaba answers Accept/Drop while taking accept/drop; clients compare case-insensitively.
            Policy = r.Policy == "drop" ? "Drop" : "Accept",
            Priority = r.Priority.ToString(CultureInfo.InvariantCulture),
            NicType = "intranet",
            Description = r.Description,
            CreateTime = Times.Format(r.CreateTime),
            Ipv6SourceCidrIp = "",
            Ipv6DestCidrIp = "",
            SourcePortRange = "",
            SourcePrefixListId = "",
            SourcePrefixListName = "",
            DestPrefixListId = "",
            DestPrefixListName = "",
            PortRangeListId = "",
            PortRangeListName = "",
        };
    }
}
