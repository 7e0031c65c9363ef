using System.Text.Json;
using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Terraform;

/// <summary>resource_alicloud_vpc.go replayed (reference §3.1): the calls, where their parameters travel, the waits, and
/// the Read mapping into state.</summary>
public static class AlicloudVpc
{
    /// <summary>The Optional attributes and whether each is also Computed (a server-chosen value is then no diff).</summary>
    public static readonly IReadOnlyList<(string Name, bool Computed)> Optional =
    [
        ("cidr_block", true), ("description", false), ("dns_hostname_status", true), ("enable_ipv6", true), ("ipv6_isp", true),
        ("is_default", true), ("resource_group_id", true), ("vpc_name", true), ("classic_link_enabled", false), ("user_cidrs", true),
        ("secondary_cidr_blocks", true), ("system_route_table_description", false), ("system_route_table_name", false),
        ("system_route_table_route_propagation_enable", true),
    ];

    public static async Task<string> CreateAsync(ProviderClient c, TerraformConfig config)
    {
        var token = ProviderClient.ClientToken("CreateVpc");
        (string, string)[] body = [("RegionId", c.Region), ("ClientToken", token), .. Set(config, "cidr_block", "CidrBlock"), .. Set(config, "vpc_name", "VpcName"),
            .. Set(config, "description", "Description"), .. Set(config, "resource_group_id", "ResourceGroupId"),
            .. config.Tags.SelectMany((t, i) => new[] { ($"Tag.{i + 1}.Key", t.Key), ($"Tag.{i + 1}.Value", t.Value) })];
        if (config.Get("dns_hostname_status") is { } dns)
            body = [.. body, ("EnableDnsHostname", dns == "ENABLED" ? "true" : "false")];
        var first = (await c.Vpc("CreateVpc", body)).Success();
        // A retry of CreateVpc carries the same ClientToken and must get the same VPC back.
        var retried = (await c.Vpc("CreateVpc", body)).Success();
        var id = first.GetProperty("VpcId").GetString()!;
        Assert.Equal(id, retried.GetProperty("VpcId").GetString());
        await WaitAvailableAsync(c, id);
        // The update function runs for the new resource: the route table lookup must succeed, tags are set again.
        await ModifyRouteTableAsync(c, id, TerraformConfig.Of(("system_route_table_route_propagation_enable", "true")), config);
        if (config.Tags.Count > 0)
            await ProviderTags.SetAsync(c, id, "VPC", new Dictionary<string, string>(), config.Tags);
        return id;
    }

    /// <summary>Read: DescribeVpcAttribute, then DescribeRouteTableList; null when the provider would find it gone.</summary>
    public static async Task<TerraformState?> ReadAsync(ProviderClient c, string id)
    {
        var r = await c.Vpc("DescribeVpcAttribute", [("VpcId", id), ("RegionId", c.Region)]);
        if (ProviderClient.IsNotFound(r))
            return null;
        var vpc = r.Success();
        if (vpc.GetProperty("VpcId").GetString() == "")
            return null;
        var a = new Dictionary<string, string>
        {
            ["cidr_block"] = ProviderTags.Text(vpc, "CidrBlock"), ["classic_link_enabled"] = ProviderTags.Bool(vpc, "ClassicLinkEnabled"),
            ["create_time"] = ProviderTags.Text(vpc, "CreationTime"), ["description"] = ProviderTags.Text(vpc, "Description"),
            ["dns_hostname_status"] = ProviderTags.Text(vpc, "DnsHostnameStatus"), ["enable_ipv6"] = ProviderTags.Bool(vpc, "EnabledIpv6"),
            ["ipv6_cidr_block"] = ProviderTags.Text(vpc, "Ipv6CidrBlock"), ["region_id"] = ProviderTags.Text(vpc, "RegionId"),
            ["is_default"] = ProviderTags.Bool(vpc, "IsDefault"), ["resource_group_id"] = ProviderTags.Text(vpc, "ResourceGroupId"),
            ["router_id"] = ProviderTags.Text(vpc, "VRouterId"), ["status"] = ProviderTags.Text(vpc, "Status"),
            ["vpc_name"] = ProviderTags.Text(vpc, "VpcName"), ["name"] = ProviderTags.Text(vpc, "VpcName"),
            ["user_cidrs"] = string.Join(",", vpc.GetProperty("UserCidrs").GetProperty("UserCidr").EnumerateArray().Select(e => e.GetString())),
            ["secondary_cidr_blocks"] = string.Join(",", vpc.GetProperty("SecondaryCidrBlocks").GetProperty("SecondaryCidrBlock").EnumerateArray().Select(e => e.GetString())),
            ["ipv6_isp"] = vpc.GetProperty("Ipv6CidrBlocks").GetProperty("Ipv6CidrBlock").EnumerateArray().Select(b => b.GetProperty("Ipv6Isp").GetString()!).FirstOrDefault() ?? "",
        };
        if (await SystemRouteTableAsync(c, id) is { } table)
        {
            // The route table's group and router overwrite the VPC's: both must carry the VPC's.
            a["resource_group_id"] = ProviderTags.Text(table, "ResourceGroupId");
            a["router_id"] = ProviderTags.Text(table, "RouterId");
            a["route_table_id"] = a["router_table_id"] = ProviderTags.Text(table, "RouteTableId");
            a["system_route_table_description"] = ProviderTags.Text(table, "Description");
            a["system_route_table_name"] = ProviderTags.Text(table, "RouteTableName");
            a["system_route_table_route_propagation_enable"] = ProviderTags.Bool(table, "RoutePropagationEnable");
        }
        return new TerraformState(a, ProviderTags.Read(vpc));
    }

    /// <summary>Update: ModifyVpcAttribute with the changed attributes (then the waits), MoveResourceGroup, tags.</summary>
    public static async Task UpdateAsync(ProviderClient c, string id, TerraformConfig before, TerraformConfig after)
    {
        (string, string)[] body = [("VpcId", id), ("RegionId", c.Region)];
        if (after.Changed(before, "description"))
            body = [.. body, ("Description", after.Get("description") ?? "")];
        if (after.Changed(before, "vpc_name", computed: true))
            body = [.. body, ("VpcName", after.Get("vpc_name") ?? "")];
        if (after.Changed(before, "cidr_block", computed: true))
            body = [.. body, ("CidrBlock", after.Get("cidr_block") ?? "")];
        if (after.Changed(before, "dns_hostname_status", computed: true))
            body = [.. body, ("EnableDnsHostname", after.Get("dns_hostname_status") == "ENABLED" ? "true" : "false")];
        if (body.Length > 2)
        {
            (await c.Vpc("ModifyVpcAttribute", body)).Success();
            await WaitAvailableAsync(c, id);
            if (after.Changed(before, "dns_hostname_status", computed: true))
                await Fixtures.WaitForAsync($"VPC {id} DnsHostnameStatus {after.Get("dns_hostname_status")}", () => AttributeAsync(c, id),
                    v => v.GetProperty("DnsHostnameStatus").GetString() == after.Get("dns_hostname_status"));
        }
        if (after.Get("resource_group_id") is { } group && after.Changed(before, "resource_group_id", computed: true))
            (await c.Vpc("MoveResourceGroup", [("ResourceId", id), ("RegionId", c.Region), ("NewResourceGroupId", group), ("ResourceType", "VPC")])).Success();
        await ModifyRouteTableAsync(c, id, before, after);
        await ProviderTags.SetAsync(c, id, "VPC", before.Tags, after.Tags);
    }

    /// <summary>ModifyRouteTableAttributes with the system table's id from DescribeRouteTableList (a failed lookup fails
    /// the apply), sent only when the table's name, description or propagation changed.</summary>
    private static async Task ModifyRouteTableAsync(ProviderClient c, string id, TerraformConfig before, TerraformConfig after)
    {
        var table = await SystemRouteTableAsync(c, id) ?? throw new Xunit.Sdk.XunitException($"VPC {id} has no system route table");
        (string, string)[] body = [("RegionId", c.Region), ("RouteTableId", table.GetProperty("RouteTableId").GetString()!)];
        if (after.Changed(before, "system_route_table_description"))
            body = [.. body, ("Description", after.Get("system_route_table_description") ?? "")];
        if (after.Changed(before, "system_route_table_name"))
            body = [.. body, ("RouteTableName", after.Get("system_route_table_name") ?? "")];
        if (after.Changed(before, "system_route_table_route_propagation_enable", computed: true))
            body = [.. body, ("RoutePropagationEnable", after.Get("system_route_table_route_propagation_enable")!)];
        if (body.Length > 2)
            (await c.Vpc("ModifyRouteTableAttributes", body)).Success();
    }

    /// <summary>Delete: DeleteVpc with a new token per attempt, retried while dependants exist; then wait until gone.</summary>
    public static async Task DeleteAsync(ProviderClient c, string id)
    {
        var r = await c.Vpc("DeleteVpc", [("VpcId", id), ("RegionId", c.Region), ("ClientToken", ProviderClient.ClientToken("DeleteVpc"))]);
        Assert.True(r.Ok || ProviderClient.IsNotFound(r), r.Raw);
        await WaitGoneAsync(c, id);
    }

    public static async Task WaitGoneAsync(ProviderClient c, string id) =>
        await Fixtures.WaitForAsync($"VPC {id} gone", async () => await ReadAsync(c, id) is null ? default(JsonElement) : null, _ => true);

    private static async Task<JsonElement?> AttributeAsync(ProviderClient c, string id)
    {
        var r = await c.Vpc("DescribeVpcAttribute", [("VpcId", id), ("RegionId", c.Region)]);
        return ProviderClient.IsNotFound(r) ? null : r.Success();
    }

    private static Task WaitAvailableAsync(ProviderClient c, string id) =>
        Fixtures.WaitForAsync($"VPC {id} Available", () => AttributeAsync(c, id), v => v.GetProperty("Status").GetString() == "Available");

    /// <summary>The item with RouteTableType System and this VpcId, as DescribeVpcDescribeRouteTableList picks it.</summary>
    public static async Task<JsonElement?> SystemRouteTableAsync(ProviderClient c, string id)
    {
        var body = (await c.Vpc("DescribeRouteTableList", [("VpcId", id), ("RegionId", c.Region)])).Success();
        return Fixtures.List(body, "RouterTableList", "RouterTableListType")
            .Where(t => t.GetProperty("RouteTableType").GetString() == "System" && t.GetProperty("VpcId").GetString() == id)
            .Select(t => (JsonElement?)t).FirstOrDefault();
    }

    private static (string, string)[] Set(TerraformConfig config, string attribute, string parameter) =>
        config.Get(attribute) is { } v ? [(parameter, v)] : [];
}
