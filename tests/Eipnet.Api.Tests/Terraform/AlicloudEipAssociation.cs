using System.Text.Json;
using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Terraform;

/// <summary>resource_alicloud_eip_association.go replayed (reference §3.9). The id is &lt;AllocationId&gt;:&lt;InstanceId&gt;.</summary>
public static class AlicloudEipAssociation
{
    public static readonly IReadOnlyList<(string Name, bool Computed)> Optional =
    [
        ("instance_type", true), ("mode", true), ("private_ip_address", false), ("vpc_id", false), ("force", false),
    ];

    /// <summary>The InstanceType the provider sends: the configured one, else inferred from the id (lb-, ngw-, else EcsInstance).</summary>
    public static string InstanceType(TerraformConfig config) => config.Get("instance_type") ?? config.Get("instance_id")! switch
    {
        var id when id.StartsWith("lb-", StringComparison.Ordinal) => "SlbInstance",
        var id when id.StartsWith("ngw-", StringComparison.Ordinal) => "Nat",
        _ => "EcsInstance",
    };

    /// <summary>The AssociateEipAddress call of Create: ids in the query, the rest in the body, one ClientToken.</summary>
    public static Task<RpcResult> AssociateAsync(ProviderClient c, TerraformConfig config, string token)
    {
        (string, string)[] body = [("RegionId", c.Region), ("ClientToken", token), ("InstanceType", InstanceType(config)),
            .. Set(config, "private_ip_address", "PrivateIpAddress"), .. Set(config, "mode", "Mode"), .. Set(config, "vpc_id", "VpcId")];
        return c.Vpc("AssociateEipAddress", body, [("InstanceId", config.Get("instance_id")!), ("AllocationId", config.Get("allocation_id")!)]);
    }

    /// <summary>Create: AssociateEipAddress, retried with the same token on the provider's codes, then Read at once: no wait,
    /// so the new InstanceId must already show.</summary>
    public static async Task<string> CreateAsync(ProviderClient c, TerraformConfig config)
    {
        var token = ProviderClient.ClientToken("AssociateEipAddress");
        await Replay.RetryAsync("AssociateEipAddress", () => AssociateAsync(c, config, token), "TaskConflict", "OperationConflict",
            "IncorrectStatus", "LastTokenProcessing", "IncorrectEipStatus", "InvalidBindingStatus", "IncorrectInstanceStatus",
            "InvalidStatus.EniStatusNotSupport");
        var id = $"{config.Get("allocation_id")}:{config.Get("instance_id")}";
        Assert.NotNull(await ReadAsync(c, id));
        return id;
    }

    /// <summary>Read: DescribeEipAddresses by AllocationId; the item whose InstanceId is the id's instance, else gone.</summary>
    public static async Task<TerraformState?> ReadAsync(ProviderClient c, string id)
    {
        var (allocationId, instanceId) = Split(id);
        if (await DescribeAsync(c, allocationId, instanceId) is not { } eip)
            return null;
        var a = new Dictionary<string, string>
        {
            ["instance_type"] = Field(eip, "InstanceType"), ["mode"] = Field(eip, "Mode"), ["private_ip_address"] = Field(eip, "PrivateIpAddress"),
            ["vpc_id"] = Field(eip, "VpcId"), ["allocation_id"] = allocationId, ["instance_id"] = instanceId,
        };
        return new TerraformState(a, new Dictionary<string, string>());
    }

    /// <summary>Update: ModifyEipForwardMode (the EIP's id as InstanceId in the query) when mode changed.</summary>
    public static async Task UpdateAsync(ProviderClient c, string id, TerraformConfig before, TerraformConfig after)
    {
        if (after.Changed(before, "mode", computed: true))
            (await c.Vpc("ModifyEipForwardMode", [("RegionId", c.Region), ("ClientToken", ProviderClient.ClientToken("ModifyEipForwardMode")),
                ("Mode", after.Get("mode")!)], [("InstanceId", Split(id).AllocationId)])).Success();
    }

    /// <summary>Delete: UnassociateEipAddress with a new token per attempt, retried on the provider's codes (an EIP still
    /// Associating answers IncorrectEipStatus); then wait until the EIP no longer lists the instance.</summary>
    public static async Task DeleteAsync(ProviderClient c, string id, TerraformConfig config)
    {
        var (allocationId, instanceId) = Split(id);
        await Replay.RetryAsync("UnassociateEipAddress", () => c.Vpc("UnassociateEipAddress",
            [("RegionId", c.Region), ("ClientToken", ProviderClient.ClientToken("UnassociateEipAddress")), ("InstanceType", InstanceType(config)),
                .. Set(config, "private_ip_address", "PrivateIpAddress"), .. Set(config, "force", "Force")],
            [("AllocationId", allocationId), ("InstanceId", instanceId)]),
            "OperationConflict", "IncorrectStatus", "LastTokenProcessing", "IncorrectEipStatus", "InvalidBindingStatus", "IncorrectInstanceStatus",
            "TaskConflict", "InvalidStatus.EniStatusNotSupport");
        await Fixtures.WaitForAsync($"association {id} gone", async () => await ReadAsync(c, id) is null ? default(JsonElement) : null, _ => true);
    }

    private static async Task<JsonElement?> DescribeAsync(ProviderClient c, string allocationId, string instanceId)
    {
        var body = (await c.Vpc("DescribeEipAddresses", [], [("AllocationId", allocationId), ("RegionId", c.Region)])).Success();
        return Fixtures.List(body, "EipAddresses", "EipAddress").Where(e => e.GetProperty("InstanceId").GetString() == instanceId)
            .Select(e => (JsonElement?)e).FirstOrDefault();
    }

    private static (string AllocationId, string InstanceId) Split(string id) => id.Split(':') is [var a, var i] ? (a, i) : throw new ArgumentException(id);

    private static string Field(JsonElement item, string name) =>
        item.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText() : "";

    private static (string, string)[] Set(TerraformConfig config, string attribute, string parameter) =>
        config.Get(attribute) is { } v ? [(parameter, v)] : [];
}
