using System.Text.Json;
using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Terraform;

/// <summary>resource_alicloud_eip_address.go replayed (reference §3.8): AllocationId in the query, the rest in the body.</summary>
public static class AlicloudEipAddress
{
    public static readonly IReadOnlyList<(string Name, bool Computed)> Optional =
    [
        ("address_name", true), ("bandwidth", true), ("deletion_protection", true), ("description", true), ("internet_charge_type", true),
        ("isp", true), ("netmode", true), ("payment_type", true), ("resource_group_id", true), ("mode", true), ("zone", true),
        ("ip_address", true), ("high_definition_monitor_log_status", true), ("public_ip_address_pool_id", false),
        ("security_protection_types", false),
    ];

    /// <summary>Create: AllocateEipAddress (InstanceId= sent empty in the query, one ClientToken for every retry), the wait
    /// for Available/InUse, then the update function for the new resource (DeletionProtection, tags).</summary>
    public static async Task<string> CreateAsync(ProviderClient c, TerraformConfig config)
    {
        (string, string)[] body = [("RegionId", c.Region), ("ClientToken", ProviderClient.ClientToken("AllocateEipAddress")),
            .. Set(config, "bandwidth", "Bandwidth"), .. Set(config, "resource_group_id", "ResourceGroupId"), .. Set(config, "ip_address", "IpAddress"),
            .. Set(config, "description", "Description"), .. Set(config, "address_name", "Name"), .. Set(config, "netmode", "Netmode"),
            .. Set(config, "isp", "ISP"), .. Set(config, "internet_charge_type", "InternetChargeType")];
        if (config.Get("payment_type") is { } payment)
            body = [.. body, ("InstanceChargeType", payment == "Subscription" ? "PrePaid" : "PostPaid")];
        (string, string)[] query = [("InstanceId", config.Get("allocation_id") ?? "")];
        var first = (await c.Vpc("AllocateEipAddress", body, query)).Success();
        var retried = (await c.Vpc("AllocateEipAddress", body, query)).Success();
        var id = first.GetProperty("AllocationId").GetString()!;
        Assert.Equal(id, retried.GetProperty("AllocationId").GetString());
        await WaitReadyAsync(c, id);
        await UpdateAsync(c, id, TerraformConfig.Of(), config, isNew: true);
        return id;
    }

    /// <summary>Read: DescribeEipAddresses with AllocationId and RegionId in the query and an empty body; the first item.</summary>
    public static async Task<TerraformState?> ReadAsync(ProviderClient c, string id)
    {
        if (await DescribeAsync(c, id) is not { } eip)
            return null;
        var chargeType = ProviderTags.Text(eip, "ChargeType");
        var a = new Dictionary<string, string>
        {
            ["address_name"] = Field(eip, "Name"), ["name"] = Field(eip, "Name"),
            ["bandwidth"] = eip.TryGetProperty("EipBandwidth", out _) ? Field(eip, "EipBandwidth") : Field(eip, "Bandwidth"),
            ["create_time"] = Field(eip, "AllocationTime"), ["deletion_protection"] = ProviderTags.Bool(eip, "DeletionProtection"),
            ["description"] = Field(eip, "Description"), ["high_definition_monitor_log_status"] = Field(eip, "HDMonitorStatus"),
            ["internet_charge_type"] = Field(eip, "InternetChargeType"), ["ip_address"] = Field(eip, "IpAddress"), ["isp"] = Field(eip, "ISP"),
            ["mode"] = Field(eip, "Mode"), ["netmode"] = Field(eip, "Netmode"),
            ["payment_type"] = chargeType switch { "PostPaid" => "PayAsYouGo", "PrePaid" => "Subscription", var other => other },
            ["public_ip_address_pool_id"] = Field(eip, "PublicIpAddressPoolId"), ["resource_group_id"] = Field(eip, "ResourceGroupId"),
            ["status"] = Field(eip, "Status"), ["zone"] = Field(eip, "Zone"), ["allocation_id"] = id, ["instance_charge_type"] = chargeType,
            ["security_protection_types"] = string.Join(",", eip.GetProperty("SecurityProtectionTypes").GetProperty("SecurityProtectionType")
                .EnumerateArray().Select(t => t.GetString())),
        };
        return new TerraformState(a, ProviderTags.Read(eip));
    }

    /// <summary>Update: ModifyEipAddressAttribute with what changed (not for a new resource), MoveResourceGroup,
    /// DeletionProtection, tags.</summary>
    public static async Task UpdateAsync(ProviderClient c, string id, TerraformConfig before, TerraformConfig after, bool isNew = false)
    {
        (string, string)[] body = [("RegionId", c.Region)];
        if (!isNew && after.Changed(before, "bandwidth", computed: true))
            body = [.. body, ("Bandwidth", after.Get("bandwidth")!)];
        if (!isNew && after.Changed(before, "description", computed: true))
            body = [.. body, ("Description", after.Get("description") ?? "")];
        if (!isNew && after.Changed(before, "address_name", computed: true))
            body = [.. body, ("Name", after.Get("address_name") ?? "")];
        if (body.Length > 1)
        {
            (await c.Vpc("ModifyEipAddressAttribute", body, [("AllocationId", id)])).Success();
            await WaitReadyAsync(c, id);
        }
        if (!isNew && after.Get("resource_group_id") is { } group && after.Changed(before, "resource_group_id", computed: true))
            (await c.Vpc("MoveResourceGroup", [("RegionId", c.Region), ("NewResourceGroupId", group), ("ResourceType", "EIP")], [("ResourceId", id)])).Success();
        // d.HasChange: a new resource's false is its zero value, no change.
        if (after.Changed(before, "deletion_protection", computed: true) && !(isNew && after.Get("deletion_protection") == "false"))
            (await c.Vpc("DeletionProtection", [("RegionId", c.Region), ("ClientToken", ProviderClient.ClientToken("DeletionProtection")),
                ("ProtectionEnable", after.Get("deletion_protection")!), ("Type", "EIP")], [("InstanceId", id)])).Success();
        if (!after.Tags.OrderBy(t => t.Key).SequenceEqual(before.Tags.OrderBy(t => t.Key)))
            await ProviderTags.SetAsync(c, id, "EIP", before.Tags, after.Tags);
    }

    /// <summary>Delete: ReleaseEipAddress (AllocationId in the query), retried on IncorrectEipStatus while the EIP is still
    /// associated; then wait until DescribeEipAddresses lists nothing. Returns the error that ended it instead, if any.</summary>
    public static async Task<RpcResult?> DeleteAsync(ProviderClient c, string id)
    {
        if (await Replay.DeleteAsync($"EIP {id} released", () => c.Vpc("ReleaseEipAddress", [("RegionId", c.Region)], [("AllocationId", id)]),
            ["IncorrectEipStatus", "OperationConflict", "TaskConflict"]) is { } refused)
            return refused;
        await Fixtures.WaitForAsync($"EIP {id} gone", async () => await DescribeAsync(c, id) is null ? default(JsonElement) : null, _ => true);
        return null;
    }

    public static async Task<JsonElement?> DescribeAsync(ProviderClient c, string id)
    {
        var body = (await c.Vpc("DescribeEipAddresses", [], [("AllocationId", id), ("RegionId", c.Region)])).Success();
        return Fixtures.List(body, "EipAddresses", "EipAddress") is [var first, ..] ? first : null;
    }

    private static Task WaitReadyAsync(ProviderClient c, string id) =>
        Fixtures.WaitForAsync($"EIP {id} Available or InUse", () => DescribeAsync(c, id),
            e => e.GetProperty("Status").GetString() is "Available" or "InUse");

    // d.Set of a field the answer lacks leaves the attribute empty.
    private static string Field(JsonElement item, string name) =>
        item.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText() : "";

    private static (string, string)[] Set(TerraformConfig config, string attribute, string parameter) =>
        config.Get(attribute) is { } v ? [(parameter, v)] : [];
}
