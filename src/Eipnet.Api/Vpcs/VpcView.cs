using Eipnet.Api.Rpc;
using Eipnet.Contracts.Vpcs;
using Eipnet.Domain.Addressing;
using Eipnet.Domain.Resources;
using Eipnet.Store;
using Eipnet.Store.Queries;

namespace Eipnet.Api.Vpcs;

/// <summary>How VPCs, vSwitches and the system route table look on the wire, in every action that shows them.</summary>
/// <remarks>Eipnet models no IPv6, DHCP options, ClassicLink, CEN or default VPC: those fields are empty or false, and
/// the Describe filters on them match accordingly (VpcQueries).</remarks>
public static class VpcView
{
    public const string Available = "Available";

    public static VpcTagList TagList(IReadOnlyList<ResourceTag> tags) => new(tags.Select(t => new VpcTag(t.Key, t.Value)).ToList());

    public static string DnsHostnameStatus(Vpc v) => v.DnsHostnameEnabled ? "ENABLED" : "DISABLED";

    public static async Task<IReadOnlyList<string>> VSwitchIdsAsync(IStoreSession s, Vpc v) =>
        (await s.ListAsync<VSwitch>(DocQuery.Where("vpc_id", v.VpcId))).Select(w => w.VSwitchId).ToList();

    public static VpcItem Item(Vpc v, IReadOnlyList<string> vSwitchIds) => new()
    {
        VpcId = v.VpcId, VpcName = v.VpcName, RegionId = v.RegionId, Status = Available, CidrBlock = v.CidrBlock,
        Ipv6CidrBlock = "", VRouterId = v.VRouterId, Description = v.Description, IsDefault = false,
        CreationTime = Times.Format(v.CreationTime), ResourceGroupId = v.ResourceGroupId, OwnerId = Owners.NumericId(v.AccountId),
        EnabledIpv6 = false, DhcpOptionsSetId = "", DhcpOptionsSetStatus = "", DnsHostnameStatus = DnsHostnameStatus(v), CenStatus = "",
        VSwitchIds = new VSwitchIdList(vSwitchIds), RouterTableIds = new RouterTableIdList([v.RouteTableId]),
        NatGatewayIds = new NatGatewayIdList([]), UserCidrs = new UserCidrList([]),
        SecondaryCidrBlocks = new SecondaryCidrBlockList([]), Tags = TagList(v.Tags),
    };

    public static DescribeVpcAttributeResponse Attributes(string requestId, Vpc v, IReadOnlyList<string> vSwitchIds) => new()
    {
        RequestId = requestId, VpcId = v.VpcId, VpcName = v.VpcName, RegionId = v.RegionId, Status = Available, CidrBlock = v.CidrBlock,
        Ipv6CidrBlock = "", Ipv6CidrBlocks = new Ipv6CidrBlockList([]), VRouterId = v.VRouterId, Description = v.Description,
        IsDefault = false, ClassicLinkEnabled = false, CreationTime = Times.Format(v.CreationTime), ResourceGroupId = v.ResourceGroupId,
        OwnerId = Owners.NumericId(v.AccountId), EnabledIpv6 = false, DhcpOptionsSetId = "", DhcpOptionsSetStatus = "",
        DnsHostnameStatus = DnsHostnameStatus(v), SupportIpv4Gateway = false, Ipv4GatewayId = "", VSwitchIds = new VSwitchIdList(vSwitchIds),
        UserCidrs = new UserCidrList([]), SecondaryCidrBlocks = new SecondaryCidrBlockList([]), Tags = TagList(v.Tags),
    };

    /// <summary>The VPC's system route table: Alibaba makes one with every VPC; it carries no tags here.</summary>
    public static RouteTableItem SystemRouteTable(Vpc v, IReadOnlyList<string> vSwitchIds) => new()
    {
        RouteTableId = v.RouteTableId, RouteTableName = v.RouteTableName, RouteTableType = "System", RouterId = v.VRouterId, RouterType = "VRouter",
        VpcId = v.VpcId, Status = Available, Description = v.RouteTableDescription, CreationTime = Times.Format(v.CreationTime),
        ResourceGroupId = v.ResourceGroupId, OwnerId = Owners.NumericId(v.AccountId), RoutePropagationEnable = v.RoutePropagationEnabled,
        AssociateType = "VSwitch", VSwitchIds = new VSwitchIdList(vSwitchIds), GatewayIds = new GatewayIdList([]), Tags = new VpcTagList([]),
    };

    public static async Task<long> AvailableIpAddressCountAsync(IStoreSession s, VSwitch v)
    {
        Ipv4Cidr.TryParse(v.CidrBlock, out var cidr);
        return VSwitchAddressing.Capacity(cidr!.Value) - (await s.UsedPrivateIpsAsync(v.VSwitchId)).Count;
    }

    public static VSwitchRouteTable RouteTable(VSwitch v) => new("vtb-" + v.VpcId["vpc-".Length..], "System");

    public static VSwitchItem Item(VSwitch v, long availableIps) => new()
    {
        VSwitchId = v.VSwitchId, VpcId = v.VpcId, ZoneId = v.ZoneId, Status = Available, CidrBlock = v.CidrBlock,
        Ipv6CidrBlock = "", VSwitchName = v.VSwitchName, Description = v.Description, IsDefault = false,
        AvailableIpAddressCount = availableIps, CreationTime = Times.Format(v.CreationTime),
        ResourceGroupId = v.ResourceGroupId, OwnerId = Owners.NumericId(v.AccountId), NetworkAclId = "", ShareType = "", EnabledIpv6 = false,
        RouteTable = RouteTable(v), Tags = TagList(v.Tags),
    };
}
