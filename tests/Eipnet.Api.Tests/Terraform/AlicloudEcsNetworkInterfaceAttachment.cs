using System.Globalization;
using System.Text.Json;
using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Terraform;

/// <summary>resource_alicloud_ecs_network_interface_attachment.go replayed (reference §3.7). The id is
/// &lt;NetworkInterfaceId&gt;:&lt;InstanceId&gt;.</summary>
public static class AlicloudEcsNetworkInterfaceAttachment
{
    public static readonly IReadOnlyList<(string Name, bool Computed)> Optional =
    [
        ("trunk_network_instance_id", false), ("network_card_index", false), ("wait_for_network_configuration_ready", false),
    ];

    /// <summary>Create: AttachNetworkInterface (all in the body), retried on the provider's codes, then the wait for InUse.</summary>
    public static async Task<string> CreateAsync(ProviderClient c, TerraformConfig config)
    {
        var eni = config.Get("network_interface_id")!;
        await Replay.RetryAsync($"AttachNetworkInterface {eni}", () => c.Ecs("AttachNetworkInterface",
            [("RegionId", c.Region), ("NetworkInterfaceId", eni), ("InstanceId", config.Get("instance_id")!)]),
            "InvalidOperation.InvalidEniState", "InvalidOperation.InvalidEcsState", "OperationConflict");
        await AlicloudEcsNetworkInterface.WaitStatusAsync(c, eni, "InUse");
        return $"{eni}:{config.Get("instance_id")}";
    }

    /// <summary>Read: DescribeNetworkInterfaces with NetworkInterfaceId.1 and MaxResults=100, following NextToken; found
    /// when an item has the ENI's id and the instance as its top-level InstanceId.</summary>
    public static async Task<TerraformState?> ReadAsync(ProviderClient c, string id)
    {
        var (eni, instance) = (id.Split(':')[0], id.Split(':')[1]);
        var token = "";
        do
        {
            (string, string)[] body = [("RegionId", c.Region), ("NetworkInterfaceId.1", eni), ("MaxResults", "100"), .. token == "" ? [] : new[] { ("NextToken", token) }];
            var page = (await c.Ecs("DescribeNetworkInterfaces", body)).Success();
            foreach (var n in Fixtures.List(page, "NetworkInterfaceSets", "NetworkInterfaceSet"))
            {
                if (n.GetProperty("NetworkInterfaceId").GetString() != eni || n.GetProperty("InstanceId").GetString() != instance)
                    continue;
                var attachment = n.GetProperty("Attachment");
                return new TerraformState(new Dictionary<string, string>
                {
                    ["network_interface_id"] = eni, ["instance_id"] = instance,
                    ["trunk_network_instance_id"] = ProviderTags.Text(attachment, "TrunkNetworkInterfaceId"),
                    ["network_card_index"] = attachment.GetProperty("NetworkCardIndex").GetInt32().ToString(CultureInfo.InvariantCulture),
                }, new Dictionary<string, string>());
            }
            token = page.GetProperty("NextToken").GetString()!;
        }
        while (token != "");
        return null;
    }

    /// <summary>Delete: DetachNetworkInterface, retried on the provider's codes; then the ENI must reach Available.</summary>
    public static async Task DeleteAsync(ProviderClient c, string id)
    {
        var (eni, instance) = (id.Split(':')[0], id.Split(':')[1]);
        await Replay.RetryAsync($"DetachNetworkInterface {eni}", () => c.Ecs("DetachNetworkInterface",
            [("RegionId", c.Region), ("NetworkInterfaceId", eni), ("InstanceId", instance)]),
            "InvalidOperation.InvalidEniState", "InvalidOperation.InvalidEcsState", "OperationConflict");
        await AlicloudEcsNetworkInterface.WaitStatusAsync(c, eni, "Available");
    }
}
