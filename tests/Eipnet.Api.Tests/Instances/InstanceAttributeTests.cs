using System.Text;
using Eipnet.Api.Tests.Infrastructure;
using Eipnet.Domain.Resources;

namespace Eipnet.Api.Tests.Instances;

/// <summary>The instance attributes issue 12 adds: user data, deletion protection, the system disk, tags and resource
/// groups, and the reads Terraform makes (DescribeDisks, DescribeUserData, DescribeInstanceAttribute, maintenance,
/// attachment and RAM role attributes).</summary>
public sealed class InstanceAttributeTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private const string Region = Fixtures.Region;
    private static readonly string UserData = Convert.ToBase64String(Encoding.UTF8.GetBytes("#!/bin/sh\necho hi\n"));

    private static async Task<string[]> IdsAsync(RpcTestClient c, params (string, string)[] filters) =>
        Fixtures.List((await c.Ecs("DescribeInstances", [("RegionId", Region), .. filters])).Success(), "Instances", "Instance")
            .Select(i => i.GetProperty("InstanceId").GetString()!).ToArray();

    [Fact]
    public async Task RunInstances_KeepsUserDataDiskTagsAndGroup_ForTheReadsToShow()
    {
        var c = await shared.Server.NewClientAsync();
        var net = await Fixtures.NetworkAsync(shared.Server, c);
        var id = await Fixtures.InstanceAsync(c, net, extra: [("UserData", UserData), ("Tag.1.Key", "env"), ("Tag.1.Value", "prod"),
            ("ResourceGroupId", "rg-acfmvm"), ("SystemDisk.Category", "cloud_ssd"), ("SystemDisk.Size", "80"), ("SystemDisk.DiskName", "root"),
            ("Password", "Secret-123")]);
        var other = await Fixtures.InstanceAsync(c, net);

        Assert.Equal([id], await IdsAsync(c, ("Tag.1.Key", "env"), ("Tag.1.Value", "prod")));
        Assert.Equal([id], await IdsAsync(c, ("ResourceGroupId", "rg-acfmvm")));
        Assert.Equal([id, other], await IdsAsync(c));
        var shown = (await Fixtures.DescribeInstanceAsync(c, id))!.Value;
        Assert.Equal(("rg-acfmvm", false), (shown.GetProperty("ResourceGroupId").GetString(), shown.GetProperty("DeletionProtection").GetBoolean()));
        Assert.Equal([("env", "prod")], Fixtures.List(shown, "Tags", "Tag").Select(t => (t.GetProperty("TagKey").GetString()!, t.GetProperty("TagValue").GetString()!)));

        var userData = (await c.Ecs("DescribeUserData", ("RegionId", Region), ("InstanceId", id))).Success();
        Assert.Equal((id, UserData), (userData.GetProperty("InstanceId").GetString(), userData.GetProperty("UserData").GetString()));
        Assert.Equal("", (await c.Ecs("DescribeUserData", ("RegionId", Region), ("InstanceId", other))).Success().GetProperty("UserData").GetString());

        var disks = Fixtures.List((await c.Ecs("DescribeDisks", ("RegionId", Region), ("InstanceId", id), ("DiskType", "system"))).Success(), "Disks", "Disk");
        var disk = Assert.Single(disks);
        Assert.Equal(("d-" + id[2..], id, "cloud_ssd", 80, "root", "system", "rg-acfmvm"), (disk.GetProperty("DiskId").GetString(), disk.GetProperty("InstanceId").GetString(),
            disk.GetProperty("Category").GetString(), disk.GetProperty("Size").GetInt32(), disk.GetProperty("DiskName").GetString(), disk.GetProperty("Type").GetString(),
            disk.GetProperty("ResourceGroupId").GetString()));
        async Task<int> DiskCount(params (string, string)[] p) =>
            (await c.Ecs("DescribeDisks", [("RegionId", Region), .. p])).Success().GetProperty("TotalCount").GetInt32();
        Assert.Equal(2, await DiskCount());
        Assert.Equal(0, await DiskCount(("DiskType", "data")));
        Assert.Equal(1, await DiskCount(("Category", "cloud_ssd")));
        Assert.Equal(1, await DiskCount(("DiskIds", $"[\"d-{id[2..]}\"]")));
        Assert.Equal(0, await DiskCount(("Portable", "true")));
        Assert.Equal(0, await DiskCount(("Tag.1.Key", "env")));
        (await c.Ecs("DescribeDisks", ("RegionId", Region), ("SnapshotId", "s-1"))).Error("InvalidParameter", 400);

        var attribute = (await c.Ecs("DescribeInstanceAttribute", ("RegionId", Region), ("InstanceId", id))).Success();
        Assert.Equal((id, false), (attribute.GetProperty("InstanceId").GetString(), attribute.GetProperty("EnableJumboFrame").GetBoolean()));
        var maintenance = Fixtures.List((await c.Ecs("DescribeInstanceMaintenanceAttributes", ("RegionId", Region), ("InstanceId.1", id))).Success(),
            "MaintenanceAttributes", "MaintenanceAttribute");
        Assert.Equal(id, Assert.Single(maintenance).GetProperty("InstanceId").GetString());
        Assert.Empty(Fixtures.List(maintenance[0], "MaintenanceWindows", "MaintenanceWindow"));
        var attachment = Fixtures.List((await c.Ecs("DescribeInstanceAttachmentAttributes", ("RegionId", Region), ("InstanceIds", $"[\"{id}\"]"))).Success(), "Instances", "Instance");
        Assert.Equal(("", ""), (attachment[0].GetProperty("PrivatePoolOptionsMatchCriteria").GetString(), attachment[0].GetProperty("PrivatePoolOptionsId").GetString()));
        var role = Fixtures.List((await c.Ecs("DescribeInstanceRamRole", ("RegionId", Region), ("InstanceIds", $"[\"{id}\"]"))).Success(), "InstanceRamRoleSets", "InstanceRamRoleSet");
        Assert.Equal((id, ""), (role[0].GetProperty("InstanceId").GetString(), role[0].GetProperty("RamRoleName").GetString()));

        (await c.Ecs("DescribeUserData", ("RegionId", Region), ("InstanceId", "i-doesnotexist000000000"))).Error("InvalidInstanceId.NotFound", 404);
        (await c.Ecs("DescribeInstanceAttribute", ("RegionId", Region), ("InstanceId", "i-doesnotexist000000000"))).Error("InvalidInstanceId.NotFound", 404);
    }

    [Fact]
    public async Task ModifyInstanceAttribute_ChangesWhatItTakes_AndDeletionProtectionStopsDelete()
    {
        var c = await shared.Server.NewClientAsync();
        var net = await Fixtures.NetworkAsync(shared.Server, c);
        var id = await Fixtures.InstanceAsync(c, net, extra: [("DeletionProtection", "true"), ("Description", "first")]);
        (await c.Ecs("DeleteInstance", ("InstanceId", id), ("Force", "true"))).Error("InvalidOperation.DeletionProtection", 403);

        (await c.Ecs("ModifyInstanceAttribute", ("RegionId", Region), ("InstanceId", id), ("InstanceName", "vm-2"), ("Description", ""),
            ("HostName", "vm-2"), ("UserData", UserData), ("Password", "Secret-123"), ("DeletionProtection", "false"))).Success();
        var shown = (await Fixtures.DescribeInstanceAsync(c, id))!.Value;
        Assert.Equal(("vm-2", "", "vm-2", false), (shown.GetProperty("InstanceName").GetString(), shown.GetProperty("Description").GetString(),
            shown.GetProperty("HostName").GetString(), shown.GetProperty("DeletionProtection").GetBoolean()));
        Assert.Equal(UserData, (await c.Ecs("DescribeUserData", ("RegionId", Region), ("InstanceId", id))).Success().GetProperty("UserData").GetString());

        (await c.Ecs("ModifyInstanceAttribute", ("InstanceId", id), ("UserData", "not base64!"))).Error("InvalidUserData.Base64FormatInvalid", 400);
        (await c.Ecs("ModifyInstanceAttribute", ("InstanceId", id), ("EnableJumboFrame", "true"))).Error("InvalidParameter", 400);
        (await c.Ecs("ModifyInstanceAttribute", ("InstanceId", id), ("CreditSpecification", "Unlimited"))).Error("InvalidParameter", 400);
        await Fixtures.PinInstanceStatusAsync(shared.Server, id, InstanceStatus.Stopping);
        (await c.Ecs("ModifyInstanceAttribute", ("InstanceId", id), ("InstanceName", "vm-3"))).Error("IncorrectInstanceStatus", 403);
        (await c.Ecs("TagResources", ("RegionId", Region), ("ResourceType", "instance"), ("ResourceId.1", id), ("Tag.1.Key", "a"))).Error("IncorrectInstanceStatus", 403);
        Assert.Equal("vm-2", (await Fixtures.DescribeInstanceAsync(c, id))!.Value.GetProperty("InstanceName").GetString());
    }

    [Theory]
    [InlineData("DataDisk.1.Size", "40")]
    [InlineData("KeyPairName", "my-key")]
    [InlineData("SpotStrategy", "SpotAsPriceGo")]
    [InlineData("SystemDisk.Encrypted", "true")]
    [InlineData("SystemDisk.Category", "cloud_nothing")]
    [InlineData("UserData", "%%%")]
    [InlineData("HttpTokens", "required")]
    [InlineData("CpuOptions.Core", "1")]
    [InlineData("SpotPriceLimit", "0.5")]
    [InlineData("PrivatePoolOptions.Id", "eap-1")]
    [InlineData("NetworkOptions.EnableJumboFrame", "true")]
    [InlineData("ImageOptions.LoginAsNonRoot", "true")]
    [InlineData("AdditionalInfo.EnableHighDensityMode", "true")]
    [InlineData("IoOptimized", "none")]
    [InlineData("Ipv6AddressCount", "1")]
    [InlineData("NetworkInterface.1.InstanceType", "Primary")]
    public async Task RunInstances_RefusesWhatEipnetDoesNotHave_InsteadOfDroppingIt(string name, string value)
    {
        var c = await shared.Server.NewClientAsync();
        var net = await Fixtures.NetworkAsync(shared.Server, c);
        var r = await c.Ecs("RunInstances", ("RegionId", Region), ("InstanceType", Fixtures.InstanceType), ("ImageId", "ubuntu_22_04_x64"),
            ("VSwitchId", net.VSwitchId), ("SecurityGroupId", net.SecurityGroupId), (name, value));
        Assert.Equal(400, (int)r.Status);
        Assert.Empty(await IdsAsync(c));
    }

    [Fact]
    public async Task Instances_TakeTagsAndJoinResourceGroups_ThroughTheEcsTagActions()
    {
        var c = await shared.Server.NewClientAsync();
        var net = await Fixtures.NetworkAsync(shared.Server, c);
        var id = await Fixtures.InstanceAsync(c, net);
        (await c.Ecs("TagResources", ("RegionId", Region), ("ResourceType", "instance"), ("ResourceId.1", id), ("Tag.1.Key", "team"), ("Tag.1.Value", "net"))).Success();
        (await c.Ecs("JoinResourceGroup", ("RegionId", Region), ("ResourceType", "instance"), ("ResourceId", id), ("ResourceGroupId", "rg-acfmnet"))).Success();
        Assert.Equal([id], await IdsAsync(c, ("Tag.1.Key", "team"), ("ResourceGroupId", "rg-acfmnet")));
        var listed = Fixtures.List((await c.Ecs("ListTagResources", ("RegionId", Region), ("ResourceType", "instance"), ("ResourceId.1", id))).Success(),
            "TagResources", "TagResource");
        Assert.Equal(["team"], listed.Select(t => t.GetProperty("TagKey").GetString()));
        (await c.Ecs("UntagResources", ("RegionId", Region), ("ResourceType", "instance"), ("ResourceId.1", id), ("TagKey.1", "team"))).Success();
        Assert.Empty(await IdsAsync(c, ("Tag.1.Key", "team")));
    }

    [Fact]
    public async Task ModifyInstanceMaintenanceAttributes_KeepsTheSettings_ForDescribeToShow()
    {
        var c = await shared.Server.NewClientAsync();
        var id = await Fixtures.InstanceAsync(c, await Fixtures.NetworkAsync(shared.Server, c));

        (await c.Ecs("ModifyInstanceMaintenanceAttributes", ("RegionId", Region), ("InstanceId.1", id), ("MaintenanceWindow.1.StartTime", "22:00:00Z"),
            ("MaintenanceWindow.1.EndTime", "02:00:00Z"), ("ActionOnMaintenance", "Stop"), ("NotifyOnMaintenance", "true"))).Success();

        var m = Fixtures.List((await c.Ecs("DescribeInstanceMaintenanceAttributes", ("RegionId", Region), ("InstanceId.1", id))).Success(),
            "MaintenanceAttributes", "MaintenanceAttribute").Single();
        var window = Fixtures.List(m, "MaintenanceWindows", "MaintenanceWindow").Single();
        Assert.Equal(("22:00:00Z", "02:00:00Z", "Stop", "AutoRecover", true), (window.GetProperty("StartTime").GetString(), window.GetProperty("EndTime").GetString(),
            m.GetProperty("ActionOnMaintenance").GetProperty("Value").GetString(), m.GetProperty("ActionOnMaintenance").GetProperty("DefaultValue").GetString(),
            m.GetProperty("NotifyOnMaintenance").GetBoolean()));
        (await c.Ecs("ModifyInstanceMaintenanceAttributes", ("RegionId", Region), ("InstanceId.1", id), ("MaintenanceWindow.1.StartTime", "22:30:00Z"),
            ("MaintenanceWindow.1.EndTime", "23:00:00Z"))).Error("InvalidParameter", 400);
        (await c.Ecs("ModifyInstanceMaintenanceAttributes", ("RegionId", Region), ("InstanceId.1", id), ("ActionOnMaintenance", "Reboot"))).Error("InvalidParameter", 400);
        (await c.Ecs("ModifyInstanceMaintenanceAttributes", ("RegionId", Region), ("InstanceId.1", id), ("InstanceId.2", "i-0000000000000000000x"),
            ("ActionOnMaintenance", "AutoRedeploy"))).Error("InvalidInstanceId.NotFound", 404);
        Assert.Equal("Stop", Fixtures.List((await c.Ecs("DescribeInstanceMaintenanceAttributes", ("RegionId", Region), ("InstanceId.1", id))).Success(),
            "MaintenanceAttributes", "MaintenanceAttribute").Single().GetProperty("ActionOnMaintenance").GetProperty("Value").GetString());
    }
}
