using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Terraform;

/// <summary>alicloud_ecs_network_interface and alicloud_ecs_network_interface_attachment through the provider's own call
/// sequences, on both databases: create, refresh (the plan after apply is empty), an update of each updatable attribute,
/// import, destroy (issue 12).</summary>
public sealed class AlicloudEcsNetworkInterfaceReplayTests
{
    private static Task<TerraformState> ReadEniAndCheckPlanAsync(ProviderClient c, string id, TerraformConfig config) =>
        Replay.ReadAndCheckPlanAsync(() => AlicloudEcsNetworkInterface.ReadAsync(c, id), $"ENI {id}", config, AlicloudEcsNetworkInterface.Optional);

    private static Task<TerraformState> ReadAttachmentAndCheckPlanAsync(ProviderClient c, string id, TerraformConfig config) =>
        Replay.ReadAndCheckPlanAsync(() => AlicloudEcsNetworkInterfaceAttachment.ReadAsync(c, id), $"attachment {id}", config,
            AlicloudEcsNetworkInterfaceAttachment.Optional);

    [Theory, MemberData(nameof(Replay.Backends), MemberType = typeof(Replay))]
    public async Task NetworkInterface_CreateRefreshUpdateImportDestroy_LeavesEveryPlanEmpty(Backend backend)
    {
        await using var server = await TestServer.StartAsync(backend);
        var (c, api) = await Replay.ClientsAsync(server);
        var net = await Fixtures.NetworkAsync(server, api);
        var sg2 = await Fixtures.SecurityGroupAsync(server, api, net.VpcId);
        var groups = string.Join(",", new[] { net.SecurityGroupId, sg2 }.Order(StringComparer.Ordinal));

        var config = TerraformConfig.Of(("vswitch_id", net.VSwitchId), ("security_group_ids", net.SecurityGroupId), ("network_interface_name", "tf-eni"))
            .WithTags(("env", "prod"));
        var id = await AlicloudEcsNetworkInterface.CreateAsync(c, config);
        var state = await ReadEniAndCheckPlanAsync(c, id, config);
        Assert.Equal(("Available", "", "false", "", "Secondary"), (state["status"], state["resource_group_id"], state["source_dest_check"],
            state["private_ip_addresses"], state["instance_type"]));

        TerraformConfig[] updates =
        [
            config.With("description", "tf managed"),
            config.With("description", "tf managed").With("network_interface_name", "tf-eni-2"),
            config.Without("description").With("network_interface_name", "tf-eni-2").With("security_group_ids", groups),
            config.With("network_interface_name", "tf-eni-2").With("security_group_ids", groups).With("private_ip_addresses", "192.168.1.50,192.168.1.51"),
            config.With("network_interface_name", "tf-eni-2").With("security_group_ids", groups).With("private_ip_addresses", "192.168.1.51,192.168.1.52"),
            config.With("network_interface_name", "tf-eni-2").With("security_group_ids", groups).With("private_ip_addresses", "192.168.1.51,192.168.1.52")
                .With("source_dest_check", "true").With("delete_on_release", "true"),
            config.With("network_interface_name", "tf-eni-2").With("security_group_ids", groups).With("private_ip_addresses", "192.168.1.51,192.168.1.52")
                .With("source_dest_check", "true").With("delete_on_release", "true").WithTags(("env", "staging"), ("owner", "ops")),
            config.With("network_interface_name", "tf-eni-2").With("security_group_ids", groups).With("private_ip_addresses", "192.168.1.51,192.168.1.52")
                .WithTags(),
        ];
        foreach (var next in updates)
        {
            await AlicloudEcsNetworkInterface.UpdateAsync(c, id, config, next);
            state = await ReadEniAndCheckPlanAsync(c, id, next);
            config = next;
        }
        Assert.Equal(("tf-eni-2", "", "2", "false"), (state["network_interface_name"], state["description"], state["secondary_private_ip_address_count"],
            state["source_dest_check"]));

        var imported = await ReadEniAndCheckPlanAsync(c, id, config);
        Assert.Equal(state.Attributes, imported.Attributes);

        await AlicloudEcsNetworkInterface.DeleteAsync(c, id);
        Assert.Null(await AlicloudEcsNetworkInterface.ReadAsync(c, id));
    }

    [Theory, MemberData(nameof(Replay.Backends), MemberType = typeof(Replay))]
    public async Task NetworkInterface_CreatedWithEveryOptionalAttribute_ReadsBackAsWritten_AndListsOnlyItsOwnTags(Backend backend)
    {
        await using var server = await TestServer.StartAsync(backend);
        var (c, api) = await Replay.ClientsAsync(server);
        var net = await Fixtures.NetworkAsync(server, api);
        var other = await AlicloudEcsNetworkInterface.CreateAsync(c, TerraformConfig.Of(("vswitch_id", net.VSwitchId), ("security_group_ids", net.SecurityGroupId))
            .WithTags(("env", "dev"), ("team", "other")));
        var config = TerraformConfig.Of(("vswitch_id", net.VSwitchId), ("security_group_ids", net.SecurityGroupId), ("network_interface_name", "full"),
            ("description", "every field"), ("primary_ip_address", "192.168.1.40"), ("secondary_private_ip_address_count", "2"),
            ("resource_group_id", "rg-acfmtf01"), ("source_dest_check", "true"), ("delete_on_release", "true")).WithTags(("env", "prod"));
        var id = await AlicloudEcsNetworkInterface.CreateAsync(c, config);
        var state = await ReadEniAndCheckPlanAsync(c, id, config);
        Assert.Equal(("192.168.1.40", "rg-acfmtf01", "2"), (state["primary_ip_address"], state["resource_group_id"], state["secondary_private_ip_address_count"]));
        Assert.Equal(2, (await AlicloudEcsNetworkInterface.ReadAsync(c, other))!.Tags.Count);

        // What Eipnet does not have is refused, not dropped.
        foreach (var refused in new[] { ("Ipv6AddressCount", "1"), ("Ipv4PrefixCount", "1"), ("QueueNumber", "4") })
            (await c.Ecs("CreateNetworkInterface", [("RegionId", c.Region), ("VSwitchId", net.VSwitchId), ("SecurityGroupIds.1", net.SecurityGroupId), refused]))
                .Error("InvalidParameter", 400);
    }

    [Theory, MemberData(nameof(Replay.Backends), MemberType = typeof(Replay))]
    public async Task NetworkInterfaceAttachment_CreateRefreshImportDestroy_LeavesEveryPlanEmpty(Backend backend)
    {
        await using var server = await TestServer.StartAsync(backend);
        var (c, api) = await Replay.ClientsAsync(server);
        var net = await Fixtures.NetworkAsync(server, api);
        var instance = await Fixtures.InstanceAsync(api, net);
        var eni = await AlicloudEcsNetworkInterface.CreateAsync(c, TerraformConfig.Of(("vswitch_id", net.VSwitchId), ("security_group_ids", net.SecurityGroupId)));

        var config = TerraformConfig.Of(("network_interface_id", eni), ("instance_id", instance));
        var id = await AlicloudEcsNetworkInterfaceAttachment.CreateAsync(c, config);
        var state = await ReadAttachmentAndCheckPlanAsync(c, id, config);
        Assert.Equal(("", "0"), (state["trunk_network_instance_id"], state["network_card_index"]));
        Assert.Equal(state.Attributes, (await ReadAttachmentAndCheckPlanAsync(c, id, config)).Attributes);

        // Destroying the ENI before its attachment gets a code the provider retries on.
        (await c.Ecs("DeleteNetworkInterface", [("NetworkInterfaceId", eni), ("RegionId", c.Region)])).Error("InvalidOperation.InvalidEniState", 400);
        await AlicloudEcsNetworkInterfaceAttachment.DeleteAsync(c, id);
        Assert.Null(await AlicloudEcsNetworkInterfaceAttachment.ReadAsync(c, id));
        await AlicloudEcsNetworkInterface.DeleteAsync(c, eni);
    }
}
