using System.Text;
using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Terraform;

/// <summary>alicloud_instance and the data sources a standard example uses (alicloud_zones, alicloud_instance_types,
/// alicloud_images) through the provider's own call sequences, on both databases (issue 12).</summary>
public sealed class AlicloudInstanceReplayTests
{
    private static Task<TerraformState> ReadAndCheckPlanAsync(ProviderClient c, string id, TerraformConfig config) =>
        Replay.ReadAndCheckPlanAsync(() => AlicloudInstance.ReadAsync(c, id), $"instance {id}", config, AlicloudInstance.Optional);

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    [Theory, MemberData(nameof(Replay.Backends), MemberType = typeof(Replay))]
    public async Task Instance_FromTheDataSources_CreateRefreshUpdateImportDestroy_LeavesEveryPlanEmpty(Backend backend)
    {
        await using var server = await TestServer.StartAsync(backend);
        var c = await Replay.ClientAsync(server);
        // What a standard example does at plan: a zone, an Ubuntu image and a type with two cores for it from the data sources.
        var zone = (await EcsDataSources.ZonesAsync(c))[0];
        var image = (await EcsDataSources.ImagesAsync(c, ("ImageOwnerAlias", "system")))
            .Select(i => i.GetProperty("ImageId").GetString()!).First(i => i.StartsWith("ubuntu_22_04", StringComparison.Ordinal));
        var type = (await EcsDataSources.InstanceTypesAsync(c, cores: 2, imageId: image))[0].GetProperty("InstanceTypeId").GetString()!;
        var vpc = await AlicloudVpc.CreateAsync(c, TerraformConfig.Of(("cidr_block", "10.0.0.0/16")));
        var vsw = await AlicloudVSwitch.CreateAsync(c, TerraformConfig.Of(("vpc_id", vpc), ("cidr_block", "10.0.1.0/24"), ("zone_id", zone)));
        var sg = await AlicloudSecurityGroup.CreateAsync(c, TerraformConfig.Of(("vpc_id", vpc)));

        var config = TerraformConfig.Of(("availability_zone", zone), ("instance_type", type), ("image_id", image), ("vswitch_id", vsw), ("security_groups", sg),
            ("instance_name", "tf-vm"), ("system_disk_category", "cloud_essd"), ("system_disk_size", "40"), ("password", "Tf-Passw0rd!"))
            .WithTags(("env", "prod"));
        var id = await AlicloudInstance.CreateAsync(c, config);
        var state = await ReadAndCheckPlanAsync(c, id, config);
        Assert.Equal(("Running", "", "false", "", "10.0.1.2", "d-" + id[2..]), (state["status"], state["user_data"], state["deletion_protection"],
            state["resource_group_id"], state["private_ip"], state["system_disk_id"]));

        TerraformConfig[] updates =
        [
            config.With("instance_name", "tf-vm-2"),
            config.With("instance_name", "tf-vm-2").With("description", "web server"),
            config.With("instance_name", "tf-vm-2").With("description", "web server").With("user_data", Base64("#!/bin/sh\necho hello\n")),
            config.With("instance_name", "tf-vm-2").With("description", "web server").With("user_data", Base64("#!/bin/sh\necho hello\n"))
                .With("host_name", "web-1").With("resource_group_id", "rg-acfmtf01"),
            config.With("instance_name", "tf-vm-2").With("description", "web server").With("user_data", Base64("#!/bin/sh\necho hello\n"))
                .With("host_name", "web-1").With("resource_group_id", "rg-acfmtf01").With("deletion_protection", "true").WithTags(("env", "staging"), ("owner", "ops")),
        ];
        foreach (var next in updates)
        {
            await AlicloudInstance.UpdateAsync(c, id, config, next);
            state = await ReadAndCheckPlanAsync(c, id, next);
            config = next;
        }
        Assert.Equal(("tf-vm-2", "web-1", "rg-acfmtf01", "true"), (state["instance_name"], state["host_name"], state["resource_group_id"], state["deletion_protection"]));

        var imported = await ReadAndCheckPlanAsync(c, id, config);
        Assert.Equal(state.Attributes, imported.Attributes);

        // A protected instance's destroy fails with a code the provider does not retry; turning protection off lets it through.
        Assert.Equal("InvalidOperation.DeletionProtection", (await AlicloudInstance.DeleteAsync(c, id))?.Code);
        var unprotected = config.With("deletion_protection", "false").WithTags();
        await AlicloudInstance.UpdateAsync(c, id, config, unprotected);
        await ReadAndCheckPlanAsync(c, id, unprotected);
        Assert.Null(await AlicloudInstance.DeleteAsync(c, id));
        Assert.Null(await AlicloudInstance.ReadAsync(c, id));
        await AlicloudSecurityGroup.DeleteAsync(c, sg);
        await AlicloudVSwitch.DeleteAsync(c, vsw);
        await AlicloudVpc.DeleteAsync(c, vpc);
    }

    [Theory, MemberData(nameof(Replay.Backends), MemberType = typeof(Replay))]
    public async Task Instance_CreatedWithEveryModelledAttribute_ReadsBackAsWritten(Backend backend)
    {
        await using var server = await TestServer.StartAsync(backend);
        var (c, api) = await Replay.ClientsAsync(server);
        var net = await Fixtures.NetworkAsync(server, api);
        var config = TerraformConfig.Of(("availability_zone", Fixtures.Zone), ("instance_type", Fixtures.InstanceType), ("image_id", "debian_12_6_x64_20G_alibase_20240823.vhd"),
            ("vswitch_id", net.VSwitchId), ("security_groups", net.SecurityGroupId), ("instance_name", "full"), ("description", "every field"),
            ("host_name", "full-1"), ("resource_group_id", "rg-acfmfull"), ("private_ip", "192.168.1.77"), ("user_data", Base64("#cloud-config\n")),
            ("system_disk_category", "cloud_essd"), ("system_disk_size", "60"), ("system_disk_name", "root"), ("system_disk_description", "system disk"),
            ("system_disk_performance_level", "PL1"), ("instance_charge_type", "PostPaid"), ("internet_charge_type", "PayByTraffic"))
            .WithTags(("a", "1"), ("b", ""));
        var id = await AlicloudInstance.CreateAsync(c, config);
        await ReadAndCheckPlanAsync(c, id, config);
        Assert.Null(await AlicloudInstance.DeleteAsync(c, id));
    }

    /// <summary>The §3.5 updates that need a stop (instance_type, image_id with system_disk_size, vswitch_id, private_ip,
    /// status with stopped_mode), and security_groups, the system disk's attributes, secondary_private_ips, volume_tags
    /// and the maintenance settings, each applied as the provider applies it and each followed by an empty plan.</summary>
    [Theory, MemberData(nameof(Replay.Backends), MemberType = typeof(Replay))]
    public async Task Instance_UpdatesThatStopIt_AndTheRestOfItsAttributes_LeaveEveryPlanEmpty(Backend backend)
    {
        await using var server = await TestServer.StartAsync(backend);
        var c = await Replay.ClientAsync(server);
        var zone = (await EcsDataSources.ZonesAsync(c))[0];
        var vpc = await AlicloudVpc.CreateAsync(c, TerraformConfig.Of(("cidr_block", "10.0.0.0/16")));
        var vsw = await AlicloudVSwitch.CreateAsync(c, TerraformConfig.Of(("vpc_id", vpc), ("cidr_block", "10.0.1.0/24"), ("zone_id", zone)));
        var vsw2 = await AlicloudVSwitch.CreateAsync(c, TerraformConfig.Of(("vpc_id", vpc), ("cidr_block", "10.0.2.0/24"), ("zone_id", zone)));
        var sgs = new[] { await AlicloudSecurityGroup.CreateAsync(c, TerraformConfig.Of(("vpc_id", vpc))),
            await AlicloudSecurityGroup.CreateAsync(c, TerraformConfig.Of(("vpc_id", vpc))) }.Order(StringComparer.Ordinal).ToArray();

        var config = TerraformConfig.Of(("availability_zone", zone), ("instance_type", "ecs.g7.large"), ("image_id", "ubuntu_22_04_x64"), ("vswitch_id", vsw),
            ("security_groups", sgs[0]), ("instance_name", "tf-vm"), ("system_disk_size", "40"), ("volume_tags", "team=web"));
        var id = await AlicloudInstance.CreateAsync(c, config);
        var state = await ReadAndCheckPlanAsync(c, id, config);
        Assert.Equal(("Running", "team=web", "10.0.1.2"), (state["status"], state["volume_tags"], state["private_ip"]));

        TerraformConfig[] updates =
        [
            config.With("security_groups", $"{sgs[0]},{sgs[1]}"),
            config.With("security_groups", sgs[1]),
            config.With("security_groups", sgs[1]).With("instance_type", "ecs.g7.xlarge"),
            config.With("security_groups", sgs[1]).With("instance_type", "ecs.g7.xlarge").With("image_id", "debian_12_6_x64_20G_alibase_20240823.vhd")
                .With("system_disk_size", "60"),
            config.With("security_groups", sgs[1]).With("instance_type", "ecs.g7.xlarge").With("image_id", "debian_12_6_x64_20G_alibase_20240823.vhd")
                .With("system_disk_size", "60").With("vswitch_id", vsw2),
            config.With("security_groups", sgs[1]).With("instance_type", "ecs.g7.xlarge").With("image_id", "debian_12_6_x64_20G_alibase_20240823.vhd")
                .With("system_disk_size", "60").With("vswitch_id", vsw2).With("private_ip", "10.0.2.50"),
            config.With("security_groups", sgs[1]).With("instance_type", "ecs.g7.xlarge").With("image_id", "debian_12_6_x64_20G_alibase_20240823.vhd")
                .With("system_disk_size", "60").With("vswitch_id", vsw2).With("private_ip", "10.0.2.50").With("status", "Stopped").With("stopped_mode", "StopCharging"),
            // Changed while Stopped: no stop, no start.
            config.With("security_groups", sgs[1]).With("instance_type", "ecs.g6.large").With("image_id", "debian_12_6_x64_20G_alibase_20240823.vhd")
                .With("system_disk_size", "60").With("vswitch_id", vsw2).With("private_ip", "10.0.2.51").With("status", "Stopped").With("stopped_mode", "StopCharging"),
            config.With("security_groups", sgs[1]).With("instance_type", "ecs.g6.large").With("image_id", "debian_12_6_x64_20G_alibase_20240823.vhd")
                .With("system_disk_size", "60").With("vswitch_id", vsw2).With("private_ip", "10.0.2.51").With("status", "Running"),
            config.With("security_groups", sgs[1]).With("instance_type", "ecs.g6.large").With("image_id", "debian_12_6_x64_20G_alibase_20240823.vhd")
                .With("system_disk_size", "80").With("vswitch_id", vsw2).With("private_ip", "10.0.2.51").With("status", "Running")
                .With("system_disk_performance_level", "PL1").With("system_disk_name", "root").With("system_disk_description", "the root disk"),
            config.With("security_groups", sgs[1]).With("instance_type", "ecs.g6.large").With("image_id", "debian_12_6_x64_20G_alibase_20240823.vhd")
                .With("system_disk_size", "80").With("vswitch_id", vsw2).With("private_ip", "10.0.2.51").With("status", "Running")
                .With("system_disk_performance_level", "PL1").With("system_disk_name", "root").With("system_disk_description", "the root disk")
                .With("secondary_private_ips", "10.0.2.60,10.0.2.61").With("volume_tags", "env=prod,team=db"),
            config.With("security_groups", sgs[1]).With("instance_type", "ecs.g6.large").With("image_id", "debian_12_6_x64_20G_alibase_20240823.vhd")
                .With("system_disk_size", "80").With("vswitch_id", vsw2).With("private_ip", "10.0.2.51").With("status", "Running")
                .With("system_disk_performance_level", "PL1").With("system_disk_name", "root").With("system_disk_description", "the root disk")
                .With("secondary_private_ips", "10.0.2.61").Without("volume_tags"),
            config.With("security_groups", sgs[1]).With("instance_type", "ecs.g6.large").With("image_id", "debian_12_6_x64_20G_alibase_20240823.vhd")
                .With("system_disk_size", "80").With("vswitch_id", vsw2).With("private_ip", "10.0.2.51").With("status", "Running")
                .With("system_disk_performance_level", "PL1").With("system_disk_name", "root").With("system_disk_description", "the root disk")
                .With("secondary_private_ips", "10.0.2.61").With("maintenance_time", "02:00:00Z-03:00:00Z,22:00:00Z-23:00:00Z")
                .With("maintenance_action", "Stop").With("maintenance_notify", "true").Without("volume_tags"),
        ];
        foreach (var next in updates)
        {
            await AlicloudInstance.UpdateAsync(c, id, config, next);
            state = await ReadAndCheckPlanAsync(c, id, next);
            config = next;
        }
        Assert.Equal(("Running", "10.0.2.51", vsw2, "ecs.g6.large", "10.0.2.61", ""), (state["status"], state["private_ip"], state["vswitch_id"],
            state["instance_type"], state["secondary_private_ips"], state["volume_tags"]));

        var imported = await ReadAndCheckPlanAsync(c, id, config);
        Assert.Equal(state.Attributes, imported.Attributes);
        Assert.Null(await AlicloudInstance.DeleteAsync(c, id));
        Assert.Null(await AlicloudInstance.ReadAsync(c, id));
        foreach (var sg in sgs)
            await AlicloudSecurityGroup.DeleteAsync(c, sg);
        await AlicloudVSwitch.DeleteAsync(c, vsw2);
        await AlicloudVSwitch.DeleteAsync(c, vsw);
        await AlicloudVpc.DeleteAsync(c, vpc);
    }

    /// <summary>status = "Stopped" at creation: the provider waits for Running, then stops the instance in the update for
    /// the new resource (with stopped_mode), and sets secondary_private_ips, volume_tags and maintenance_action there too.</summary>
    [Theory, MemberData(nameof(Replay.Backends), MemberType = typeof(Replay))]
    public async Task Instance_CreatedStopped_WithVolumeTagsAndSecondaryIps_ReadsBackAsWritten(Backend backend)
    {
        await using var server = await TestServer.StartAsync(backend);
        var (c, api) = await Replay.ClientsAsync(server);
        var net = await Fixtures.NetworkAsync(server, api);
        var config = TerraformConfig.Of(("availability_zone", Fixtures.Zone), ("instance_type", Fixtures.InstanceType), ("image_id", "ubuntu_22_04_x64"),
            ("vswitch_id", net.VSwitchId), ("security_groups", net.SecurityGroupId), ("status", "Stopped"), ("stopped_mode", "StopCharging"),
            ("secondary_private_ips", "192.168.1.20"), ("volume_tags", "a=1,b="), ("maintenance_action", "AutoRedeploy"));
        var id = await AlicloudInstance.CreateAsync(c, config);
        var state = await ReadAndCheckPlanAsync(c, id, config);
        Assert.Equal(("Stopped", "StopCharging"), (state["status"], state["stopped_mode"]));
        var running = config.With("status", "Running").Without("stopped_mode");
        await AlicloudInstance.UpdateAsync(c, id, config, running);
        await ReadAndCheckPlanAsync(c, id, running);
        Assert.Null(await AlicloudInstance.DeleteAsync(c, id));
    }
}
