using System.Text.Json;
using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Terraform;

/// <summary>resource_alicloud_vswitch.go replayed (reference §3.2).</summary>
public static class AlicloudVSwitch
{
    public static readonly IReadOnlyList<(string Name, bool Computed)> Optional =
    [
        ("cidr_block", true), ("description", false), ("vswitch_name", true), ("vpc_id", true), ("zone_id", true), ("is_default", true),
        ("enable_ipv6", true),
    ];

    public static async Task<string> CreateAsync(ProviderClient c, TerraformConfig config)
    {
        (string, string)[] body = [("RegionId", c.Region), ("ClientToken", ProviderClient.ClientToken("CreateVSwitch")),
            ("CidrBlock", config.Get("cidr_block")!), ("VpcId", config.Get("vpc_id")!), .. Set(config, "vswitch_name", "VSwitchName"),
            .. Set(config, "description", "Description"), ("ZoneId", config.Get("zone_id")!)];
        var id = (await c.Vpc("CreateVSwitch", body)).Success().GetProperty("VSwitchId").GetString()!;
        await Fixtures.WaitForAsync($"vSwitch {id} Available", () => AttributesAsync(c, id), v => v.GetProperty("Status").GetString() == "Available");
        if (config.Tags.Count > 0)
            await ProviderTags.SetAsync(c, id, "VSWITCH", new Dictionary<string, string>(), config.Tags);
        return id;
    }

    /// <summary>Read: DescribeVSwitchAttributes with VSwitchId in the query and RegionId in the body.</summary>
    public static async Task<TerraformState?> ReadAsync(ProviderClient c, string id)
    {
        if (await AttributesAsync(c, id) is not { } vsw || vsw.GetProperty("VSwitchId").GetString() == "")
            return null;
        var ipv6 = ProviderTags.Text(vsw, "Ipv6CidrBlock");
        var a = new Dictionary<string, string>
        {
            ["cidr_block"] = ProviderTags.Text(vsw, "CidrBlock"), ["create_time"] = ProviderTags.Text(vsw, "CreationTime"),
            ["description"] = ProviderTags.Text(vsw, "Description"), ["ipv6_cidr_block"] = ipv6, ["is_default"] = ProviderTags.Bool(vsw, "IsDefault"),
            ["status"] = ProviderTags.Text(vsw, "Status"), ["vswitch_name"] = ProviderTags.Text(vsw, "VSwitchName"),
            ["name"] = ProviderTags.Text(vsw, "VSwitchName"), ["vpc_id"] = ProviderTags.Text(vsw, "VpcId"), ["zone_id"] = ProviderTags.Text(vsw, "ZoneId"),
            ["availability_zone"] = ProviderTags.Text(vsw, "ZoneId"),
            // enable_ipv6 unset in the configuration is read as "the vSwitch has an IPv6 block" (a missing field reads "<nil>": true).
            ["enable_ipv6"] = ipv6 != "" ? "true" : "false",
        };
        return new TerraformState(a, ProviderTags.Read(vsw));
    }

    /// <summary>Update: ModifyVSwitchAttribute with the changed name and description (autoRetry off), then tags.</summary>
    public static async Task UpdateAsync(ProviderClient c, string id, TerraformConfig before, TerraformConfig after)
    {
        (string, string)[] body = [("VSwitchId", id), ("RegionId", c.Region)];
        if (after.Changed(before, "vswitch_name", computed: true))
            body = [.. body, ("VSwitchName", after.Get("vswitch_name") ?? "")];
        if (after.Changed(before, "description"))
            body = [.. body, ("Description", after.Get("description") ?? "")];
        if (body.Length > 2)
        {
            (await c.Vpc("ModifyVSwitchAttribute", body)).Success();
            await Fixtures.WaitForAsync($"vSwitch {id} Available", () => AttributesAsync(c, id), v => v.GetProperty("Status").GetString() == "Available");
        }
        await ProviderTags.SetAsync(c, id, "VSWITCH", before.Tags, after.Tags);
    }

    /// <summary>Delete: DeleteVSwitch; InvalidVSwitchId.NotFound counts as done; then wait until Read finds it gone.</summary>
    public static async Task DeleteAsync(ProviderClient c, string id)
    {
        var r = await c.Vpc("DeleteVSwitch", [("VSwitchId", id), ("RegionId", c.Region)]);
        Assert.True(r.Ok || r.Code is "InvalidVSwitchId.NotFound" or "InvalidVswitchID.NotFound", r.Raw);
        await Fixtures.WaitForAsync($"vSwitch {id} gone", async () => await ReadAsync(c, id) is null ? default(JsonElement) : null, _ => true);
    }

    private static async Task<JsonElement?> AttributesAsync(ProviderClient c, string id)
    {
        var r = await c.Vpc("DescribeVSwitchAttributes", [("RegionId", c.Region)], query: [("VSwitchId", id)]);
        return ProviderClient.IsNotFound(r) ? null : r.Success();
    }

    private static (string, string)[] Set(TerraformConfig config, string attribute, string parameter) =>
        config.Get(attribute) is { } v ? [(parameter, v)] : [];
}
