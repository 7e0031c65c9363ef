using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Terraform;

/// <summary>alicloud_eip_address and alicloud_eip_association through the provider's own call sequences, on both
/// databases: create, refresh (the plan after apply is empty), an update of each updatable attribute, import, destroy
/// (issue 12).</summary>
public sealed class AlicloudEipReplayTests
{
    private static Task<TerraformState> ReadEipAndCheckPlanAsync(ProviderClient c, string id, TerraformConfig config) =>
        Replay.ReadAndCheckPlanAsync(() => AlicloudEipAddress.ReadAsync(c, id), $"EIP {id}", config, AlicloudEipAddress.Optional);

    private static Task<TerraformState> ReadAssociationAndCheckPlanAsync(ProviderClient c, string id, TerraformConfig config) =>
        Replay.ReadAndCheckPlanAsync(() => AlicloudEipAssociation.ReadAsync(c, id), $"association {id}", config, AlicloudEipAssociation.Optional);

    [Theory, MemberData(nameof(Replay.Backends), MemberType = typeof(Replay))]
    public async Task EipAddress_CreateRefreshUpdateImportDestroy_LeavesEveryPlanEmpty(Backend backend)
    {
        await using var server = await TestServer.StartAsync(backend);
        var c = await Replay.ClientAsync(server);

        var config = TerraformConfig.Of(("address_name", "tf-eip"), ("bandwidth", "5"), ("isp", "BGP"), ("internet_charge_type", "PayByTraffic"),
            ("payment_type", "PayAsYouGo")).WithTags(("env", "prod"));
        var id = await AlicloudEipAddress.CreateAsync(c, config);
        var state = await ReadEipAndCheckPlanAsync(c, id, config);
        Assert.Equal(("Available", "false", "", "", "", "PostPaid"), (state["status"], state["deletion_protection"], state["resource_group_id"],
            state["public_ip_address_pool_id"], state["security_protection_types"], state["instance_charge_type"]));

        TerraformConfig[] updates =
        [
            config.With("bandwidth", "10"),
            config.With("bandwidth", "10").With("description", "web front"),
            config.With("bandwidth", "10").With("description", ""),
            config.With("bandwidth", "10").With("address_name", "tf-eip-2"),
            config.With("bandwidth", "10").With("address_name", "tf-eip-2").With("resource_group_id", "rg-acfmtf01"),
            config.With("bandwidth", "10").With("address_name", "tf-eip-2").With("resource_group_id", "rg-acfmtf01").With("deletion_protection", "true"),
            config.With("bandwidth", "10").With("address_name", "tf-eip-2").With("resource_group_id", "rg-acfmtf01").With("deletion_protection", "true")
                .WithTags(("env", "staging"), ("owner", "ops")),
            config.With("bandwidth", "10").With("address_name", "tf-eip-2").With("resource_group_id", "rg-acfmtf01").With("deletion_protection", "true")
                .WithTags(),
        ];
        foreach (var next in updates)
        {
            await AlicloudEipAddress.UpdateAsync(c, id, config, next);
            state = await ReadEipAndCheckPlanAsync(c, id, next);
            config = next;
        }
        Assert.Equal(("tf-eip-2", "10", "", "rg-acfmtf01", "true"), (state["address_name"], state["bandwidth"], state["description"],
            state["resource_group_id"], state["deletion_protection"]));

        var imported = await ReadEipAndCheckPlanAsync(c, id, config);
        Assert.Equal(state.Attributes, imported.Attributes);

        // Destroy of a protected EIP fails with a code the provider does not retry; turning protection off lets it through.
        var refused = await AlicloudEipAddress.DeleteAsync(c, id);
        Assert.Equal("InvalidOperation.DeletionProtection", refused?.Code);
        Assert.NotNull(await AlicloudEipAddress.ReadAsync(c, id));
        var unprotected = config.With("deletion_protection", "false");
        await AlicloudEipAddress.UpdateAsync(c, id, config, unprotected);
        await ReadEipAndCheckPlanAsync(c, id, unprotected);
        Assert.Null(await AlicloudEipAddress.DeleteAsync(c, id));
        Assert.Null(await AlicloudEipAddress.ReadAsync(c, id));
    }

    [Theory, MemberData(nameof(Replay.Backends), MemberType = typeof(Replay))]
    public async Task EipAddress_AsTheReadmeExampleWritesIt_IsProtectedFromCreateOn(Backend backend)
    {
        await using var server = await TestServer.StartAsync(backend);
        var c = await Replay.ClientAsync(server);
        // README.md, section Terraform: resource "alicloud_eip_address" "web".
        var config = TerraformConfig.Of(("address_name", "tf-eip"), ("bandwidth", "5"), ("internet_charge_type", "PayByTraffic"),
            ("payment_type", "PayAsYouGo"), ("deletion_protection", "true")).WithTags(("env", "prod"));
        var id = await AlicloudEipAddress.CreateAsync(c, config);
        var state = await ReadEipAndCheckPlanAsync(c, id, config);
        Assert.Equal(("Available", "true", "BGP"), (state["status"], state["deletion_protection"], state["isp"]));
        Assert.Equal("InvalidOperation.DeletionProtection", (await AlicloudEipAddress.DeleteAsync(c, id))?.Code);
    }

    [Theory, MemberData(nameof(Replay.Backends), MemberType = typeof(Replay))]
    public async Task EipAssociation_WithAnInstance_CreateRefreshImportDestroy_LeavesEveryPlanEmpty(Backend backend)
    {
        await using var server = await TestServer.StartAsync(backend);
        var (c, api) = await Replay.ClientsAsync(server);
        var net = await Fixtures.NetworkAsync(server, api);
        var instance = await Fixtures.InstanceAsync(api, net);
        var eipConfig = TerraformConfig.Of(("address_name", "tf-eip"));
        var eip = await AlicloudEipAddress.CreateAsync(c, eipConfig);

        // instance_type unset: the provider sends EcsInstance; mode, private_ip_address and vpc_id unset.
        var config = TerraformConfig.Of(("allocation_id", eip), ("instance_id", instance));
        var id = await AlicloudEipAssociation.CreateAsync(c, config);
        var state = await ReadAssociationAndCheckPlanAsync(c, id, config);
        Assert.Equal(("EcsInstance", "NAT", "", ""), (state["instance_type"], state["mode"], state["private_ip_address"], state["vpc_id"]));
        // The EIP's own plan stays empty while it is associated (mode and status are Computed).
        await ReadEipAndCheckPlanAsync(c, eip, eipConfig);

        var imported = await ReadAssociationAndCheckPlanAsync(c, id, config);
        Assert.Equal(state.Attributes, imported.Attributes);

        // Destroy in dependency order: the association, then the EIP (a release while associated is retried by the provider).
        await AlicloudEipAssociation.DeleteAsync(c, id, config);
        Assert.Null(await AlicloudEipAssociation.ReadAsync(c, id));
        Assert.Null(await AlicloudEipAddress.DeleteAsync(c, eip));
    }

    [Theory, MemberData(nameof(Replay.Backends), MemberType = typeof(Replay))]
    public async Task EipAssociation_WithNetworkInterfaces_UpdatesModeAndEchoesOnlyWhatWasSet(Backend backend)
    {
        await using var server = await TestServer.StartAsync(backend);
        var (c, api) = await Replay.ClientsAsync(server);
        var net = await Fixtures.NetworkAsync(server, api);
        var eni = await Fixtures.EniAsync(api, net);
        var eni2 = await Fixtures.EniAsync(api, net, secondaryIps: 1);
        var eip = await AlicloudEipAddress.CreateAsync(c, TerraformConfig.Of());
        var eip2 = await AlicloudEipAddress.CreateAsync(c, TerraformConfig.Of());

        // An ENI id with instance_type unset goes out as EcsInstance: refused, and nothing is associated.
        var untyped = await AlicloudEipAssociation.AssociateAsync(c, TerraformConfig.Of(("allocation_id", eip), ("instance_id", eni)),
            ProviderClient.ClientToken("AssociateEipAddress"));
        Assert.Equal("InvalidInstanceId.NotFound", untyped.Code);
        Assert.Equal("", (await AlicloudEipAddress.DescribeAsync(c, eip))!.Value.GetProperty("InstanceId").GetString());

        var config = TerraformConfig.Of(("allocation_id", eip), ("instance_id", eni), ("instance_type", "NetworkInterface"));
        var id = await AlicloudEipAssociation.CreateAsync(c, config);
        var state = await ReadAssociationAndCheckPlanAsync(c, id, config);
        Assert.Equal(("NAT", ""), (state["mode"], state["private_ip_address"]));

        foreach (var mode in new[] { "BINDED", "NAT" })
        {
            // A later apply: the association has reached InUse by then.
            await Fixtures.WaitForEipAsync(api, eip, "InUse");
            var next = config.With("mode", mode);
            await AlicloudEipAssociation.UpdateAsync(c, id, config, next);
            state = await ReadAssociationAndCheckPlanAsync(c, id, next);
            Assert.Equal((mode, ""), (state["mode"], state["private_ip_address"]));
            config = next;
        }

        // private_ip_address set: it is sent, echoed, and sent again on destroy.
        var secondary = Fixtures.List((await Fixtures.DescribeEniAsync(api, eni2))!.Value, "PrivateIpSets", "PrivateIpSet")[1]
            .GetProperty("PrivateIpAddress").GetString()!;
        var config2 = TerraformConfig.Of(("allocation_id", eip2), ("instance_id", eni2), ("instance_type", "NetworkInterface"),
            ("private_ip_address", secondary), ("mode", "NAT"));
        var id2 = await AlicloudEipAssociation.CreateAsync(c, config2);
        var state2 = await ReadAssociationAndCheckPlanAsync(c, id2, config2);
        Assert.Equal(secondary, state2["private_ip_address"]);
        Assert.Equal(state2.Attributes, (await ReadAssociationAndCheckPlanAsync(c, id2, config2)).Attributes);

        await AlicloudEipAssociation.DeleteAsync(c, id, config);
        await AlicloudEipAssociation.DeleteAsync(c, id2, config2);
        Assert.Null(await AlicloudEipAddress.DeleteAsync(c, eip));
        Assert.Null(await AlicloudEipAddress.DeleteAsync(c, eip2));
    }
}
