using System.Text.Json;
using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Terraform;

/// <summary>resource_alicloud_instance.go replayed (reference §3.5): RunInstances on the tea path, the v1 wait for Running,
/// the ten calls of Read, ModifyInstanceAttribute (with the stop and start a user-data change brings), tags and the
/// resource group, DeleteInstance with Force and the wait for absence. user_data is written Base64-encoded, which the
/// provider sends and reads back unchanged.</summary>
public static class AlicloudInstance
{
    public static readonly IReadOnlyList<(string Name, bool Computed)> Optional =
    [
        ("instance_name", true), ("description", true), ("resource_group_id", true), ("host_name", true), ("image_id", true), ("instance_type", true),
        ("availability_zone", true), ("vswitch_id", true), ("security_groups", true), ("private_ip", true), ("system_disk_category", true),
        ("system_disk_size", true), ("system_disk_name", true), ("system_disk_description", true), ("system_disk_performance_level", true),
        ("internet_charge_type", true), ("internet_max_bandwidth_out", true), ("instance_charge_type", true), ("status", true), ("key_name", true),
        ("spot_strategy", true), ("stopped_mode", true), ("enable_jumbo_frame", true), ("role_name", true), ("maintenance_action", true),
        ("private_pool_options_match_criteria", true), ("private_pool_options_id", true), ("secondary_private_ips", true), ("vpc_id", true),
        ("user_data", false), ("deletion_protection", false), ("auto_release_time", false), ("deployment_set_id", false), ("maintenance_time", false),
        ("maintenance_notify", false), ("dedicated_host_id", false), ("enable_high_density_mode", false), ("volume_tags", false),
    ];

    private static readonly (string, string)[] Additional =
        [("AdditionalAttributes.1", "META_OPTIONS"), ("AdditionalAttributes.2", "NETWORK_PRIMARY_ENI_IP"), ("AdditionalAttributes.3", "LOGIN_AS_NON_ROOT"),
            ("AdditionalAttributes.4", "DISK_HIGH_DENSITY_MODE")];

    /// <summary>Create: RunInstances (one ClientToken), then the wait for Running (any status outside Pending, Starting,
    /// Stopped, Running aborts it).</summary>
    public static async Task<string> CreateAsync(ProviderClient c, TerraformConfig config)
    {
        (string, string)[] body = [("RegionId", c.Region), ("ClientToken", ProviderClient.ClientToken("RunInstances")), ("InstanceType", config.Get("instance_type")!),
            ("ImageId", config.Get("image_id")!), .. Set(config, "availability_zone", "ZoneId"), .. Set(config, "instance_name", "InstanceName"),
            .. Set(config, "description", "Description"), .. Set(config, "resource_group_id", "ResourceGroupId"), .. Set(config, "host_name", "HostName"),
            .. Set(config, "password", "Password"), .. Set(config, "user_data", "UserData"), .. Set(config, "deletion_protection", "DeletionProtection"),
            .. Set(config, "internet_charge_type", "InternetChargeType"), ("InstanceChargeType", config.Get("instance_charge_type") ?? "PostPaid"),
            .. config.Tags.SelectMany((t, i) => new[] { ($"Tag.{i + 1}.Key", t.Key), ($"Tag.{i + 1}.Value", t.Value) }),
            .. Set(config, "system_disk_category", "SystemDisk.Category"), .. Set(config, "system_disk_size", "SystemDisk.Size"),
            .. Set(config, "system_disk_name", "SystemDisk.DiskName"), .. Set(config, "system_disk_description", "SystemDisk.Description"),
            .. Set(config, "system_disk_performance_level", "SystemDisk.PerformanceLevel"), ("VSwitchId", config.Get("vswitch_id")!),
            .. Set(config, "private_ip", "PrivateIpAddress"), .. (config.Get("security_groups") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select((g, i) => ($"SecurityGroupIds.{i + 1}", g))];
        var run = (await c.Ecs("RunInstances", body)).Success();
        var id = run.GetProperty("InstanceIdSets").GetProperty("InstanceIdSet")[0].GetString()!;
        await WaitStatusAsync(c, id, "Running", pending: ["Pending", "Starting", "Stopped"]);
        // Update for the new resource: what RunInstances could not carry, each only when set.
        if (config.Get("secondary_private_ips") is { } ips)
            await SetSecondaryIpsAsync(c, id, "", ips);
        if (config.Get("volume_tags") is { } volumeTags)
            await SetVolumeTagsAsync(c, id, "", volumeTags);
        if (config.Get("maintenance_time") is not null || config.Get("maintenance_action") is not null || config.Get("maintenance_notify") is not null)
            await SetMaintenanceAsync(c, id, config);
        if (config.Get("status") == "Stopped")
            await StopAsync(c, id, config);
        return id;
    }

    /// <summary>Read: the ten calls of reference §3.5; null when DescribeInstances lists nothing; any other not-found fails.</summary>
    public static async Task<TerraformState?> ReadAsync(ProviderClient c, string id)
    {
        if (await DescribeV1Async(c, id) is not { } i)
            return null;
        var disk = Fixtures.List((await c.Ecs("DescribeDisks", [("RegionId", c.Region), ("InstanceId", id), ("DiskType", "system")])).Success(), "Disks", "Disk")[0];
        Assert.Equal(id, disk.GetProperty("InstanceId").GetString());
        var userData = (await c.EcsV1("DescribeUserData", [("RegionId", c.Region), ("InstanceId", id)])).Success().GetProperty("UserData").GetString()!;
        var role = Fixtures.List((await c.EcsV1("DescribeInstanceRamRole", [("RegionId", c.Region), ("InstanceIds", $"[\"{id}\"]")])).Success(),
            "InstanceRamRoleSets", "InstanceRamRoleSet");
        var secondaryIps = "";
        foreach (var nic in Fixtures.List(i, "NetworkInterfaces", "NetworkInterface"))
        {
            var eni = await AlicloudEcsNetworkInterface.DescribeAsync(c, nic.GetProperty("NetworkInterfaceId").GetString()!);
            Assert.NotNull(eni);
            if (nic.GetProperty("Type").GetString() == "Primary")
                secondaryIps = string.Join(",", Fixtures.List(eni.Value, "PrivateIpSets", "PrivateIpSet").Where(p => !p.GetProperty("Primary").GetBoolean())
                    .Select(p => p.GetProperty("PrivateIpAddress").GetString()).Order(StringComparer.Ordinal));
        }
        var maintenance = Fixtures.List((await c.Ecs("DescribeInstanceMaintenanceAttributes", [("RegionId", c.Region), ("InstanceId.1", id)])).Success(),
            "MaintenanceAttributes", "MaintenanceAttribute")[0];
        Assert.Equal(id, maintenance.GetProperty("InstanceId").GetString());
        Assert.Equal(JsonValueKind.Object, maintenance.GetProperty("ActionOnMaintenance").ValueKind);
        var attribute = (await c.EcsV1("DescribeInstanceAttribute", [("RegionId", c.Region), ("InstanceId", id)])).Success();
        Assert.Equal(id, attribute.GetProperty("InstanceId").GetString());
        var attachment = Fixtures.List((await c.Ecs("DescribeInstanceAttachmentAttributes", [("RegionId", c.Region), ("InstanceIds", $"[\"{id}\"]")])).Success(),
            "Instances", "Instance")[0];
        var tea = Fixtures.List((await c.Ecs("DescribeInstances", [("RegionId", c.Region), ("InstanceIds", $"[\"{id}\"]"), .. Additional,
            ("AdditionalAttributes.5", "CPU_OPTIONS")])).Success(), "Instances", "Instance");
        Assert.Single(tea);

        var a = new Dictionary<string, string>
        {
            ["instance_name"] = Str(i, "InstanceName"), ["resource_group_id"] = Str(i, "ResourceGroupId"), ["description"] = Str(i, "Description"),
            ["status"] = Str(i, "Status"), ["availability_zone"] = Str(i, "ZoneId"), ["host_name"] = Str(i, "HostName"), ["image_id"] = Str(i, "ImageId"),
            ["instance_type"] = Str(i, "InstanceType"), ["internet_max_bandwidth_out"] = i.GetProperty("InternetMaxBandwidthOut").GetRawText(),
            ["instance_charge_type"] = Str(i, "InstanceChargeType"), ["key_name"] = Str(i, "KeyPairName"), ["spot_strategy"] = Str(i, "SpotStrategy"),
            ["internet_charge_type"] = Str(i, "InternetChargeType"), ["deletion_protection"] = ProviderTags.Bool(i, "DeletionProtection"),
            ["auto_release_time"] = Str(i, "AutoReleaseTime"), ["deployment_set_id"] = Str(i, "DeploymentSetId"), ["stopped_mode"] = Str(i, "StoppedMode"),
            ["vpc_id"] = i.GetProperty("VpcAttributes").GetProperty("VpcId").GetString()!, ["vswitch_id"] = i.GetProperty("VpcAttributes").GetProperty("VSwitchId").GetString()!,
            ["private_ip"] = i.GetProperty("VpcAttributes").GetProperty("PrivateIpAddress").GetProperty("IpAddress")[0].GetString()!,
            ["security_groups"] = string.Join(",", Fixtures.List(i, "SecurityGroupIds", "SecurityGroupId").Select(g => g.GetString()).Order(StringComparer.Ordinal)),
            ["dedicated_host_id"] = "", ["enable_high_density_mode"] = "false",
            ["system_disk_category"] = Str(disk, "Category"), ["system_disk_name"] = Str(disk, "DiskName"), ["system_disk_description"] = Str(disk, "Description"),
            ["system_disk_size"] = disk.GetProperty("Size").GetRawText(), ["system_disk_performance_level"] = Str(disk, "PerformanceLevel"),
            ["system_disk_id"] = Str(disk, "DiskId"), ["user_data"] = userData, ["role_name"] = role is [var r, ..] ? Str(r, "RamRoleName") : "",
            ["maintenance_time"] = string.Join(",", Fixtures.List(maintenance, "MaintenanceWindows", "MaintenanceWindow")
                .Select(w => $"{Str(w, "StartTime")}-{Str(w, "EndTime")}").Order(StringComparer.Ordinal)),
            ["maintenance_action"] = maintenance.GetProperty("ActionOnMaintenance").GetProperty("Value").GetString()!,
            ["maintenance_notify"] = ProviderTags.Bool(maintenance, "NotifyOnMaintenance"), ["enable_jumbo_frame"] = ProviderTags.Bool(attribute, "EnableJumboFrame"),
            ["private_pool_options_match_criteria"] = Str(attachment, "PrivatePoolOptionsMatchCriteria"), ["private_pool_options_id"] = Str(attachment, "PrivatePoolOptionsId"),
            ["secondary_private_ips"] = secondaryIps, ["volume_tags"] = Flat(ProviderTags.ReadEcs(disk)),
        };
        return new TerraformState(a, ProviderTags.ReadEcs(i));
    }

    /// <summary>Update, in the provider's order: v1 tags (UntagResources then TagResources), volume_tags (v1 DescribeDisks,
    /// then Untag/TagResources with ResourceType disk), JoinResourceGroup, Join/LeaveSecurityGroup (joins first, so the
    /// instance never has no group), ModifyInstanceAttribute with what changed; then, when the image, vSwitch or private IP,
    /// type, status, user_data or host_name changed: StopInstance and the wait for Stopped (if it runs), ReplaceSystemDisk,
    /// ModifyInstanceVpcAttribute and ModifyInstanceSpec each followed by its poll of DescribeInstances, and StartInstance with
    /// the wait for Running unless the target status is Stopped; then the system disk (ModifyDiskSpec, ResizeDisk,
    /// ModifyDiskAttribute) and the primary ENI's secondary private IPs.</summary>
    public static async Task UpdateAsync(ProviderClient c, string id, TerraformConfig before, TerraformConfig after)
    {
        if (ProviderTags.Differ(before.Tags, after.Tags))
        {
            var removed = before.Tags.Where(t => !after.Tags.TryGetValue(t.Key, out var v) || v != t.Value).Select(t => t.Key).ToList();
            if (removed.Count > 0)
                (await c.EcsV1("UntagResources", [("RegionId", c.Region), ("ResourceType", "instance"), ("ResourceId.1", id),
                    .. removed.Select((k, n) => ($"TagKey.{n + 1}", k))])).Success();
            if (after.Tags.Count > 0)
                (await c.EcsV1("TagResources", [("RegionId", c.Region), ("ResourceType", "instance"), ("ResourceId.1", id),
                    .. after.Tags.SelectMany((t, n) => new[] { ($"Tag.{n + 1}.Key", t.Key), ($"Tag.{n + 1}.Value", t.Value) })])).Success();
        }
        if (after.Changed(before, "volume_tags"))
            await SetVolumeTagsAsync(c, id, before.Get("volume_tags") ?? "", after.Get("volume_tags") ?? "");
        if (after.Get("resource_group_id") is { } group && after.Changed(before, "resource_group_id", computed: true))
            (await c.Ecs("JoinResourceGroup", [("ResourceType", "instance"), ("ResourceId", id), ("RegionId", c.Region), ("ResourceGroupId", group)])).Success();
        if (after.Changed(before, "security_groups", computed: true))
        {
            var (old, now) = (Split(before.Get("security_groups")), Split(after.Get("security_groups")));
            foreach (var g in now.Except(old))
                (await c.EcsV1("JoinSecurityGroup", [("InstanceId", id), ("SecurityGroupId", g)])).Success();
            foreach (var g in old.Except(now))
                (await c.EcsV1("LeaveSecurityGroup", [("InstanceId", id), ("SecurityGroupId", g)])).Success();
        }
        (string, string)[] body = [("RegionId", c.Region), ("ClientToken", ProviderClient.ClientToken("ModifyInstanceAttribute")), ("InstanceId", id)];
        var reboot = false;
        foreach (var (attribute, parameter, restart) in new[] { ("instance_name", "InstanceName", false), ("description", "Description", false),
            ("user_data", "UserData", true), ("host_name", "HostName", true), ("deletion_protection", "DeletionProtection", false) })
        {
            if (!after.Changed(before, attribute, computed: attribute is "instance_name" or "description" or "host_name"))
                continue;
            body = [.. body, (parameter, after.Get(attribute) ?? (attribute == "deletion_protection" ? "false" : ""))];
            reboot |= restart;
        }
        if (body.Length > 3)
            (await c.Ecs("ModifyInstanceAttribute", body)).Success();

        var image = after.Changed(before, "image_id", computed: true);
        var vpc = after.Changed(before, "vswitch_id", computed: true) || after.Changed(before, "private_ip", computed: true);
        var type = after.Changed(before, "instance_type", computed: true);
        var status = after.Changed(before, "status", computed: true);
        var target = after.Get("status") ?? "Running";
        if (image || vpc || type || status || reboot)
        {
            if ((status && target == "Stopped") || Str((await DescribeV1Async(c, id))!.Value, "Status") == "Running")
                await StopAsync(c, id, after);
            if (image)
            {
                var size = after.Get("system_disk_size") ?? (await ReadAsync(c, id))!["system_disk_size"];
                (await c.EcsV1("ReplaceSystemDisk", [("InstanceId", id), ("ImageId", after.Get("image_id")!), ("SystemDisk.Size", size),
                    ("ClientToken", ProviderClient.ClientToken("ReplaceSystemDisk")), .. Set(after, "password", "Password")])).Success();
                await WaitStateAsync(c, id, $"on image {after.Get("image_id")}", st => st["image_id"] == after.Get("image_id") && st["system_disk_size"] == size);
            }
            if (vpc)
            {
                (await c.EcsV1("ModifyInstanceVpcAttribute", [("InstanceId", id), ("VSwitchId", after.Get("vswitch_id")!),
                    .. after.Changed(before, "private_ip", computed: true) ? Set(after, "private_ip", "PrivateIpAddress") : []])).Success();
                await Fixtures.WaitForAsync($"instance {id} in {after.Get("vswitch_id")}", () => DescribeV1Async(c, id),
                    i => i.GetProperty("VpcAttributes").GetProperty("VSwitchId").GetString() == after.Get("vswitch_id"));
            }
            if (type)
            {
                (await c.EcsV1("ModifyInstanceSpec", [("InstanceId", id), ("InstanceType", after.Get("instance_type")!),
                    ("ClientToken", ProviderClient.ClientToken("ModifyInstanceSpec"))])).Success();
                await Fixtures.WaitForAsync($"instance {id} of type {after.Get("instance_type")}", () => DescribeV1Async(c, id),
                    i => Str(i, "InstanceType") == after.Get("instance_type"));
            }
            if (target == "Running")
            {
                (await c.EcsV1("StartInstance", [("InstanceId", id)])).Success();
                await WaitStatusAsync(c, id, "Running", pending: ["Pending", "Starting", "Stopped"]);
            }
        }

        var diskId = "d-" + id[2..];
        if (after.Changed(before, "system_disk_performance_level", computed: true))
        {
            (await c.Ecs("ModifyDiskSpec", [("DiskId", diskId), ("PerformanceLevel", after.Get("system_disk_performance_level")!)])).Success();
            await WaitStateAsync(c, id, $"with disk level {after.Get("system_disk_performance_level")}",
                st => st["system_disk_performance_level"] == after.Get("system_disk_performance_level"));
        }
        if (after.Changed(before, "system_disk_size", computed: true) && !image)
            (await c.EcsV1("ResizeDisk", [("DiskId", diskId), ("NewSize", after.Get("system_disk_size")!), ("ClientToken", ProviderClient.ClientToken("ResizeDisk"))])).Success();
        if (after.Changed(before, "system_disk_name") || after.Changed(before, "system_disk_description"))
            (await c.Ecs("ModifyDiskAttribute", [("DiskId", diskId), ("RegionId", c.Region), ("DiskName", after.Get("system_disk_name") ?? ""),
                ("Description", after.Get("system_disk_description") ?? "")])).Success();
        if (after.Changed(before, "maintenance_time") || after.Changed(before, "maintenance_action", computed: true) || after.Changed(before, "maintenance_notify"))
            await SetMaintenanceAsync(c, id, after);
        if (after.Changed(before, "secondary_private_ips", computed: true))
            await SetSecondaryIpsAsync(c, id, before.Get("secondary_private_ips") ?? "", after.Get("secondary_private_ips") ?? "");
    }

    /// <summary>ModifyInstanceMaintenanceAttributes on the tea path: InstanceId.1, each maintenance_time window as
    /// MaintenanceWindow.N.StartTime/EndTime, ActionOnMaintenance and NotifyOnMaintenance, each only when set.</summary>
    private static async Task SetMaintenanceAsync(ProviderClient c, string id, TerraformConfig config) =>
        (await c.Ecs("ModifyInstanceMaintenanceAttributes", [("RegionId", c.Region), ("InstanceId.1", id),
            .. Split(config.Get("maintenance_time")).Select(w => w.Split('-')).SelectMany((w, n) => new[] { ($"MaintenanceWindow.{n + 1}.StartTime", w[0]),
                ($"MaintenanceWindow.{n + 1}.EndTime", w[1]) }),
            .. Set(config, "maintenance_action", "ActionOnMaintenance"), .. Set(config, "maintenance_notify", "NotifyOnMaintenance")])).Success();

    /// <summary>v1 StopInstance with ForceStop=false and the configured stopped_mode, retried on IncorrectInstanceStatus, and
    /// the wait for Stopped (pending Pending, Running, Stopping).</summary>
    private static async Task StopAsync(ProviderClient c, string id, TerraformConfig config)
    {
        await Replay.RetryAsync($"stop {id}", () => c.EcsV1("StopInstance", [("InstanceId", id), ("ForceStop", "false"), .. Set(config, "stopped_mode", "StoppedMode")]),
            "IncorrectInstanceStatus");
        await WaitStatusAsync(c, id, "Stopped", pending: ["Pending", "Running", "Stopping"]);
    }

    /// <summary>tags.go setVolumeTags: v1 DescribeDisks by InstanceId (every disk of the instance), then UntagResources for
    /// the keys removed or changed and TagResources for the new or changed ones, ResourceType disk, all disks at once.</summary>
    private static async Task SetVolumeTagsAsync(ProviderClient c, string id, string before, string after)
    {
        var disks = Fixtures.List((await c.EcsV1("DescribeDisks", [("RegionId", c.Region), ("InstanceId", id)])).Success(), "Disks", "Disk")
            .Select(d => d.GetProperty("DiskId").GetString()!).ToList();
        Assert.NotEmpty(disks);
        var (old, now) = (Map(before), Map(after));
        (string, string)[] ids = [.. disks.Select((d, n) => ($"ResourceId.{n + 1}", d))];
        var removed = old.Where(t => !now.TryGetValue(t.Key, out var v) || v != t.Value).Select(t => t.Key).ToList();
        var added = now.Where(t => !old.TryGetValue(t.Key, out var v) || v != t.Value).ToList();
        if (removed.Count > 0)
            (await c.EcsV1("UntagResources", [("RegionId", c.Region), ("ResourceType", "disk"), .. ids, .. removed.Select((k, n) => ($"TagKey.{n + 1}", k))])).Success();
        if (added.Count > 0)
            (await c.EcsV1("TagResources", [("RegionId", c.Region), ("ResourceType", "disk"), .. ids,
                .. added.SelectMany((t, n) => new[] { ($"Tag.{n + 1}.Key", t.Key), ($"Tag.{n + 1}.Value", t.Value) })])).Success();
    }

    /// <summary>secondary_private_ips: Unassign then AssignPrivateIpAddresses on the primary ENI (found as the provider finds
    /// it, the DescribeInstances NIC with Type Primary), then the poll until the ENI's non-primary list matches.</summary>
    private static async Task SetSecondaryIpsAsync(ProviderClient c, string id, string before, string after)
    {
        var eni = Fixtures.List((await DescribeV1Async(c, id))!.Value, "NetworkInterfaces", "NetworkInterface")
            .Single(n => n.GetProperty("Type").GetString() == "Primary").GetProperty("NetworkInterfaceId").GetString()!;
        var (old, now) = (Split(before), Split(after));
        if (old.Except(now).ToList() is { Count: > 0 } removed)
            await Replay.RetryAsync($"unassign from {eni}", () => c.Ecs("UnassignPrivateIpAddresses", [("NetworkInterfaceId", eni), ("RegionId", c.Region),
                .. removed.Select((ip, n) => ($"PrivateIpAddress.{n + 1}", ip))]), "OperationConflict");
        if (now.Except(old).ToList() is { Count: > 0 } added)
            await Replay.RetryAsync($"assign to {eni}", () => c.Ecs("AssignPrivateIpAddresses", [("NetworkInterfaceId", eni), ("RegionId", c.Region),
                ("ClientToken", ProviderClient.ClientToken("AssignPrivateIpAddresses")), .. added.Select((ip, n) => ($"PrivateIpAddress.{n + 1}", ip))]), "OperationConflict");
        await WaitStateAsync(c, id, $"with secondary IPs {after}", st => st["secondary_private_ips"] == string.Join(",", now.Order(StringComparer.Ordinal)));
    }

    /// <summary>Delete: v1 DeleteInstance with Force=true, retried on IncorrectInstanceStatus; InvalidInstanceId.NotFound
    /// counts as done; any other error ends it (returned). Then the wait for absence, during which only Pending, Running,
    /// Stopped and Stopping may show.</summary>
    public static async Task<RpcResult?> DeleteAsync(ProviderClient c, string id)
    {
        if (await Replay.DeleteAsync($"instance {id} deleted", () => c.EcsV1("DeleteInstance", [("InstanceId", id), ("Force", "true")]),
            ["IncorrectInstanceStatus", "IncorrectInstanceStatus.Initializing", "LastTokenProcessing"], "InvalidInstanceId.NotFound", "Forbidden.InstanceNotFound") is { } refused)
            return refused;
        await Fixtures.WaitForAsync($"instance {id} gone", async () =>
        {
            if (await DescribeV1Async(c, id) is not { } i)
                return default(JsonElement);
            Assert.Contains(Str(i, "Status"), new[] { "Pending", "Running", "Stopped", "Stopping" });
            return null;
        }, _ => true);
        return null;
    }

    /// <summary>Polls the instance's Read until <paramref name="done"/> holds (the provider's polls after an offline change).</summary>
    private static Task WaitStateAsync(ProviderClient c, string id, string what, Func<TerraformState, bool> done) =>
        Fixtures.WaitForAsync($"instance {id} {what}", async () => await ReadAsync(c, id) is { } st && done(st) ? default(JsonElement) : null, _ => true);

    private static async Task WaitStatusAsync(ProviderClient c, string id, string target, string[] pending) =>
        await Fixtures.WaitForAsync($"instance {id} {target}", () => DescribeV1Async(c, id), i =>
        {
            var status = Str(i, "Status");
            Assert.True(status == target || pending.Contains(status), $"instance {id} is {status}: the provider's wait for {target} aborts");
            return status == target;
        });

    /// <summary>v1 DescribeInstances by InstanceIds (a JSON array) with AdditionalAttributes.1..4; null when it lists nothing.</summary>
    private static async Task<JsonElement?> DescribeV1Async(ProviderClient c, string id)
    {
        var body = (await c.EcsV1("DescribeInstances", [("RegionId", c.Region), ("InstanceIds", $"[\"{id}\"]"), .. Additional])).Success();
        return Fixtures.List(body, "Instances", "Instance") is [var first, ..] ? first : null;
    }

    // The v1 SDK decodes into typed structs: a field the answer lacks reads as "".
    private static string Str(JsonElement item, string name) =>
        item.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText() : "";

    private static IReadOnlyList<string> Split(string? set) => set is null or "" ? [] : set.Split(',');

    /// <summary>A map attribute written flat, "k=v,k2=v2", keys in order.</summary>
    private static string Flat(IReadOnlyDictionary<string, string> map) =>
        string.Join(",", map.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}"));

    private static Dictionary<string, string> Map(string flat) =>
        Split(flat).Select(t => t.Split('=', 2)).ToDictionary(t => t[0], t => t[1]);

    private static (string, string)[] Set(TerraformConfig config, string attribute, string parameter) =>
        config.Get(attribute) is { } v ? [(parameter, v)] : [];
}
