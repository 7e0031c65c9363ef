using System.Text.Json;
using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Terraform;

/// <summary>resource_alicloud_ecs_network_interface.go replayed (reference §3.6). Set attributes (security_group_ids,
/// private_ip_addresses) are written as their sorted items joined by commas.</summary>
public static class AlicloudEcsNetworkInterface
{
    public static readonly IReadOnlyList<(string Name, bool Computed)> Optional =
    [
        ("description", false), ("network_interface_name", true), ("primary_ip_address", true), ("private_ip_addresses", true),
        ("secondary_private_ip_address_count", true), ("ipv6_addresses", true), ("ipv6_address_count", true), ("ipv4_prefixes", true),
        ("ipv4_prefix_count", true), ("queue_number", true), ("resource_group_id", false), ("security_group_ids", true), ("instance_type", true),
        ("network_interface_traffic_mode", true), ("source_dest_check", false), ("delete_on_release", true),
    ];

    /// <summary>Create: CreateNetworkInterface (no ClientToken, tags and group included), then the wait for Available.
    /// Update is not called, so tags go only in this call.</summary>
    public static async Task<string> CreateAsync(ProviderClient c, TerraformConfig config)
    {
        (string, string)[] body = [("RegionId", c.Region), ("VSwitchId", config.Get("vswitch_id")!), .. Items(config, "security_group_ids", "SecurityGroupIds"),
            .. Set(config, "description", "Description"), .. Set(config, "network_interface_name", "NetworkInterfaceName"),
            .. Set(config, "primary_ip_address", "PrimaryIpAddress"), .. Items(config, "private_ip_addresses", "PrivateIpAddress"),
            .. Set(config, "secondary_private_ip_address_count", "SecondaryPrivateIpAddressCount"), .. Set(config, "resource_group_id", "ResourceGroupId"),
            .. config.Tags.SelectMany((t, i) => new[] { ($"Tag.{i + 1}.Key", t.Key), ($"Tag.{i + 1}.Value", t.Value) }),
            .. Set(config, "source_dest_check", "SourceDestCheck"), .. Set(config, "delete_on_release", "DeleteOnRelease")];
        var id = (await c.Ecs("CreateNetworkInterface", body)).Success().GetProperty("NetworkInterfaceId").GetString()!;
        await WaitStatusAsync(c, id, "Available");
        return id;
    }

    /// <summary>Read: DescribeNetworkInterfaces with NetworkInterfaceId.1 (the dereferenced collections must be there),
    /// then ListTagResources, whose every row the provider takes.</summary>
    public static async Task<TerraformState?> ReadAsync(ProviderClient c, string id)
    {
        if (await DescribeAsync(c, id) is not { } n)
            return null;
        var secondaries = Fixtures.List(n, "PrivateIpSets", "PrivateIpSet").Where(p => !ProviderTags.Bool(p, "Primary").Equals("true", StringComparison.Ordinal))
            .Select(p => p.GetProperty("PrivateIpAddress").GetString()!).Order(StringComparer.Ordinal).ToList();
        var ipv6 = Fixtures.List(n, "Ipv6Sets", "Ipv6Set").Select(p => p.GetProperty("Ipv6Address").GetString()!).ToList();
        var prefixes = Fixtures.List(n, "Ipv4PrefixSets", "Ipv4PrefixSet").Select(p => p.GetProperty("Ipv4Prefix").GetString()!).ToList();
        var groups = Fixtures.List(n, "SecurityGroupIds", "SecurityGroupId").Select(g => g.GetString()!).Order(StringComparer.Ordinal).ToList();
        var a = new Dictionary<string, string>
        {
            ["description"] = ProviderTags.Text(n, "Description"), ["mac"] = ProviderTags.Text(n, "MacAddress"),
            ["network_interface_name"] = ProviderTags.Text(n, "NetworkInterfaceName"), ["name"] = ProviderTags.Text(n, "NetworkInterfaceName"),
            ["primary_ip_address"] = ProviderTags.Text(n, "PrivateIpAddress"), ["private_ip"] = ProviderTags.Text(n, "PrivateIpAddress"),
            ["private_ip_addresses"] = string.Join(",", secondaries), ["private_ips"] = string.Join(",", secondaries),
            ["secondary_private_ip_address_count"] = secondaries.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ipv6_addresses"] = string.Join(",", ipv6), ["ipv6_address_count"] = ipv6.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ipv4_prefixes"] = string.Join(",", prefixes), ["ipv4_prefix_count"] = prefixes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["queue_number"] = ProviderTags.Text(n, "QueueNumber"), ["resource_group_id"] = ProviderTags.Text(n, "ResourceGroupId"),
            ["security_group_ids"] = string.Join(",", groups), ["security_groups"] = string.Join(",", groups),
            ["status"] = ProviderTags.Text(n, "Status"), ["vswitch_id"] = ProviderTags.Text(n, "VSwitchId"), ["instance_type"] = ProviderTags.Text(n, "Type"),
            ["network_interface_traffic_mode"] = ProviderTags.Text(n, "NetworkInterfaceTrafficMode"),
            ["source_dest_check"] = ProviderTags.Bool(n, "SourceDestCheck"), ["delete_on_release"] = ProviderTags.Bool(n, "DeleteOnRelease"),
        };
        var tags = Fixtures.List((await c.Ecs("ListTagResources", [("RegionId", c.Region), ("ResourceType", "eni"), ("ResourceId.1", id)])).Success(),
            "TagResources", "TagResource").ToDictionary(t => t.GetProperty("TagKey").GetString()!, t => t.GetProperty("TagValue").GetString()!);
        return new TerraformState(a, tags);
    }

    /// <summary>Update: tags first, then ModifyNetworkInterfaceAttribute with what changed (SecurityGroupId.N the whole
    /// list), then the private IP changes (unassign removed, assign added) and the poll until the list shows.</summary>
    public static async Task UpdateAsync(ProviderClient c, string id, TerraformConfig before, TerraformConfig after)
    {
        if (ProviderTags.Differ(before.Tags, after.Tags))
            await ProviderTags.SetEcsAsync(c, id, "eni", before.Tags, after.Tags);
        (string, string)[] body = [("NetworkInterfaceId", id), ("RegionId", c.Region)];
        if (after.Changed(before, "description"))
            body = [.. body, ("Description", after.Get("description") ?? "")];
        if (after.Changed(before, "network_interface_name", computed: true))
            body = [.. body, ("NetworkInterfaceName", after.Get("network_interface_name")!)];
        if (after.Changed(before, "security_group_ids", computed: true))
            body = [.. body, .. Items(after, "security_group_ids", "SecurityGroupId")];
        if (after.Changed(before, "source_dest_check"))
            body = [.. body, ("SourceDestCheck", after.Get("source_dest_check") ?? "false")];
        if (after.Changed(before, "delete_on_release", computed: true))
            body = [.. body, ("DeleteOnRelease", after.Get("delete_on_release")!)];
        if (body.Length > 2)
            (await c.Ecs("ModifyNetworkInterfaceAttribute", body)).Success();
        if (after.Changed(before, "private_ip_addresses", computed: true))
        {
            var was = Split(before.Get("private_ip_addresses"));
            var now = Split(after.Get("private_ip_addresses"));
            if (was.Except(now).ToList() is { Count: > 0 } removed)
                (await c.Ecs("UnassignPrivateIpAddresses", [("NetworkInterfaceId", id), ("RegionId", c.Region),
                    .. removed.Select((ip, i) => ($"PrivateIpAddress.{i + 1}", ip))])).Success();
            if (now.Except(was).ToList() is { Count: > 0 } added)
                (await c.Ecs("AssignPrivateIpAddresses", [("NetworkInterfaceId", id), ("RegionId", c.Region),
                    .. added.Select((ip, i) => ($"PrivateIpAddress.{i + 1}", ip))])).Success();
            await Fixtures.WaitForAsync($"ENI {id} private IPs {after.Get("private_ip_addresses")}", async () =>
                await ReadAsync(c, id) is { } s && s["private_ip_addresses"] == after.Get("private_ip_addresses") ? default(JsonElement) : null, _ => true);
        }
    }

    /// <summary>Delete: DeleteNetworkInterface, retried on the provider's codes (an attached ENI answers one of them); the
    /// not-found codes count as done; then the wait until DescribeNetworkInterfaces lists nothing.</summary>
    public static async Task DeleteAsync(ProviderClient c, string id)
    {
        var refused = await Replay.DeleteAsync($"ENI {id} deleted", () => c.Ecs("DeleteNetworkInterface", [("NetworkInterfaceId", id), ("RegionId", c.Region)]),
            ["InvalidOperation.Conflict", "InvalidOperation.InvalidEcsState", "InvalidOperation.InvalidEniState", "InvalidOperation.InvalidEniType", "OperationConflict"],
            "InvalidEcsId.NotFound", "InvalidEniId.NotFound", "InvalidSecurityGroupId.NotFound", "InvalidVSwitchId.NotFound");
        Assert.Null(refused?.Raw);
        await Fixtures.WaitForAsync($"ENI {id} gone", async () => await DescribeAsync(c, id) is null ? default(JsonElement) : null, _ => true);
    }

    public static async Task<JsonElement?> DescribeAsync(ProviderClient c, string id)
    {
        var r = await c.Ecs("DescribeNetworkInterfaces", [("RegionId", c.Region), ("NetworkInterfaceId.1", id)]);
        if (r.Code is "InvalidEcsId.NotFound" or "InvalidEniId.NotFound")
            return null;
        var items = Fixtures.List(r.Success(), "NetworkInterfaceSets", "NetworkInterfaceSet");
        foreach (var n in items)
        {
            // The provider asserts these are there, even empty, and that Primary is a JSON bool.
            foreach (var (outer, inner) in new[] { ("PrivateIpSets", "PrivateIpSet"), ("Ipv6Sets", "Ipv6Set"), ("Ipv4PrefixSets", "Ipv4PrefixSet"), ("SecurityGroupIds", "SecurityGroupId") })
                Assert.Equal(JsonValueKind.Array, n.GetProperty(outer).GetProperty(inner).ValueKind);
            foreach (var p in Fixtures.List(n, "PrivateIpSets", "PrivateIpSet"))
                ProviderTags.Bool(p, "Primary");
            Assert.Equal(JsonValueKind.String, n.GetProperty("NetworkInterfaceId").ValueKind);
        }
        return items is [var first, ..] && first.GetProperty("NetworkInterfaceId").GetString() == id ? first : null;
    }

    public static Task WaitStatusAsync(ProviderClient c, string id, string status) =>
        Fixtures.WaitForAsync($"ENI {id} {status}", () => DescribeAsync(c, id), n => n.GetProperty("Status").GetString() == status);

    private static IReadOnlyList<string> Split(string? set) => set is null or "" ? [] : set.Split(',');

    private static (string, string)[] Items(TerraformConfig config, string attribute, string parameter) =>
        Split(config.Get(attribute)).Select((v, i) => ($"{parameter}.{i + 1}", v)).ToArray();

    private static (string, string)[] Set(TerraformConfig config, string attribute, string parameter) =>
        config.Get(attribute) is { } v ? [(parameter, v)] : [];
}
