using Eipnet.Domain.Associations;
using Eipnet.Domain.Resources;

namespace Eipnet.Store.Documents;

/// <summary>The table of every document type.</summary>
internal static class Tables
{
    private static readonly StoreJsonContext Json = StoreJsonContext.Default;

    public static readonly DocumentTable<Account> Accounts = new("accounts", "account", Json.Account,
        ("id", a => a.AccountId), ("access_key_id", a => a.AccessKeyId), ("name", a => a.Name));

    public static readonly DocumentTable<Vpc> Vpcs = new("vpcs", "vpc", Json.Vpc,
        ("id", v => v.VpcId), ("account_id", v => v.AccountId), ("region_id", v => v.RegionId), ("name", v => v.VpcName),
        ("resource_group_id", v => v.ResourceGroupId)) { Tags = v => v.Tags };

    public static readonly DocumentTable<VSwitch> VSwitches = new("vswitches", "vswitch", Json.VSwitch,
        ("id", v => v.VSwitchId), ("account_id", v => v.AccountId), ("region_id", v => v.RegionId), ("vpc_id", v => v.VpcId),
        ("zone_id", v => v.ZoneId), ("name", v => v.VSwitchName), ("resource_group_id", v => v.ResourceGroupId)) { Tags = v => v.Tags };

    public static readonly DocumentTable<SecurityGroup> SecurityGroups = new("security_groups", "security_group", Json.SecurityGroup,
        ("id", g => g.SecurityGroupId), ("account_id", g => g.AccountId), ("region_id", g => g.RegionId), ("vpc_id", g => g.VpcId),
        ("name", g => g.SecurityGroupName), ("resource_group_id", g => g.ResourceGroupId)) { Tags = g => g.Tags };

    public static readonly DocumentTable<Instance> Instances = new("instances", "instance", Json.Instance,
        ("id", i => i.InstanceId), ("account_id", i => i.AccountId), ("region_id", i => i.RegionId), ("vpc_id", i => i.VpcId),
        ("vswitch_id", i => i.VSwitchId), ("zone_id", i => i.ZoneId), ("instance_type", i => i.InstanceType), ("name", i => i.InstanceName),
        ("status", i => i.Status.ToString()), ("revision", i => i.Revision), ("resource_group_id", i => i.ResourceGroupId),
        ("host", i => i.Host)) { Tags = i => i.Tags };

    public static readonly DocumentTable<NetworkInterface> Enis = new("enis", "eni", Json.NetworkInterface,
        ("id", n => n.NetworkInterfaceId), ("account_id", n => n.AccountId), ("region_id", n => n.RegionId), ("vpc_id", n => n.VpcId),
        ("vswitch_id", n => n.VSwitchId), ("instance_id", n => n.InstanceId), ("type", n => n.Type.ToString()),
        ("status", n => n.Status.ToString()), ("mac", n => n.MacAddress), ("name", n => n.NetworkInterfaceName),
        ("primary_ip", n => n.PrimaryIpAddress), ("revision", n => n.Revision), ("resource_group_id", n => n.ResourceGroupId)) { Tags = n => n.Tags };

    public static readonly DocumentTable<Eip> Eips = new("eips", "eip", Json.Eip,
        ("id", e => e.AllocationId), ("account_id", e => e.AccountId), ("region_id", e => e.RegionId), ("ip_address", e => e.IpAddress),
        ("status", e => e.Status.ToString()), ("eni_id", e => e.Association?.NetworkInterfaceId),
        ("private_ip", e => e.Association?.PrivateIpAddress), ("mode", e => e.Association?.Mode.ToWire()),
        ("instance_id", e => e.Association?.TargetId), ("instance_type", e => e.Association?.TargetType), ("name", e => e.Name),
        ("isp", e => e.Isp), ("charge_type", e => e.InstanceChargeType), ("revision", e => e.Revision),
        ("resource_group_id", e => e.ResourceGroupId));

    public static DocumentTable<T> For<T>() => (DocumentTable<T>)(object)(typeof(T) switch
    {
        var t when t == typeof(Account) => Accounts,
        var t when t == typeof(Vpc) => Vpcs,
        var t when t == typeof(VSwitch) => VSwitches,
        var t when t == typeof(SecurityGroup) => SecurityGroups,
        var t when t == typeof(Instance) => Instances,
        var t when t == typeof(NetworkInterface) => Enis,
        var t when t == typeof(Eip) => Eips,
        _ => throw new ArgumentException($"No table for {typeof(T).Name}."),
    });
}
