using System.Text.Json;
using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Instances;

/// <summary>ModifyInstanceSpec, ReplaceSystemDisk and ModifyInstanceVpcAttribute: only on a Stopped instance, with Alibaba's
/// rules and codes, and the primary ENI (and an EIP on it) following a move (issue 12).</summary>
public sealed class OfflineChangeTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private const string Region = Fixtures.Region;

    private async Task<(RpcTestClient Client, TestNetwork Net)> SetUpAsync()
    {
        var client = await shared.NewClientAsync();
        return (client, await Fixtures.NetworkAsync(shared.Server, client));
    }

    private static async Task<JsonElement> InstanceAsync(RpcTestClient c, string id) => (await Fixtures.DescribeInstanceAsync(c, id))!.Value;

    private static string PrimaryEniId(JsonElement instance) => Fixtures.List(instance, "NetworkInterfaces", "NetworkInterface")
        .Single(n => n.GetProperty("Type").GetString() == "Primary").GetProperty("NetworkInterfaceId").GetString()!;

    [Theory]
    [InlineData("ModifyInstanceSpec", "InstanceType", "ecs.g7.xlarge")]
    [InlineData("ReplaceSystemDisk", "ImageId", "debian_12_6_x64_20G_alibase_20240823.vhd")]
    [InlineData("ModifyInstanceVpcAttribute", "PrivateIpAddress", "192.168.1.50")]
    public async Task OfflineChange_Refused_WhileRunning_AndChangesNothing(string action, string parameter, string value)
    {
        var (c, net) = await SetUpAsync();
        var id = await Fixtures.InstanceAsync(c, net);
        var before = (await InstanceAsync(c, id)).GetRawText();

        (await c.Ecs(action, ("RegionId", Region), ("InstanceId", id), ("VSwitchId", net.VSwitchId), (parameter, value))).Error("IncorrectInstanceStatus", 403);

        Assert.Equal(before, (await InstanceAsync(c, id)).GetRawText());
    }

    [Fact]
    public async Task ModifyInstanceSpec_ChangesTheType_OfAStoppedInstance()
    {
        var (c, net) = await SetUpAsync();
        var id = await Fixtures.InstanceAsync(c, net, stopped: true);

        (await c.Ecs("ModifyInstanceSpec", ("InstanceId", id), ("InstanceType", "ecs.g7.xlarge"), ("ClientToken", "spec-1"))).Success();

        var shown = await InstanceAsync(c, id);
        Assert.Equal(("ecs.g7.xlarge", 4, "Stopped"), (shown.GetProperty("InstanceType").GetString(), shown.GetProperty("Cpu").GetInt32(), shown.GetProperty("Status").GetString()));
        (await c.Ecs("ModifyInstanceSpec", ("InstanceId", id), ("InstanceType", "ecs.nope"))).Error("InvalidInstanceType.ValueNotSupported", 400);
        (await c.Ecs("ModifyInstanceSpec", ("InstanceId", id), ("InstanceType", "ecs.g7.large"), ("InternetMaxBandwidthOut", "5"))).Error("InvalidParameter", 400);
    }

    [Fact]
    public async Task ModifyInstanceSpec_Refused_WhenTheNewTypeHasFewerEnisThanAttached()
    {
        var (c, net) = await SetUpAsync();
        var id = await Fixtures.InstanceAsync(c, net, stopped: true);
        await Fixtures.AttachAsync(c, await Fixtures.EniAsync(c, net), id);
        await Fixtures.AttachAsync(c, await Fixtures.EniAsync(c, net), id);

        (await c.Ecs("ModifyInstanceSpec", ("InstanceId", id), ("InstanceType", "ecs.g6.large"))).Error("EniPerInstanceLimitExceeded", 403);

        Assert.Equal("ecs.g7.large", (await InstanceAsync(c, id)).GetProperty("InstanceType").GetString());
    }

    [Fact]
    public async Task ReplaceSystemDisk_ChangesImageAndSize_AndKeepsTheDisk()
    {
        var (c, net) = await SetUpAsync();
        var id = await Fixtures.InstanceAsync(c, net, stopped: true, extra: [("SystemDisk.DiskName", "root")]);

        var body = (await c.Ecs("ReplaceSystemDisk", ("InstanceId", id), ("ImageId", "debian_12_6_x64_20G_alibase_20240823.vhd"), ("SystemDisk.Size", "60"))).Success();

        Assert.Equal("d-" + id[2..], body.GetProperty("DiskId").GetString());
        Assert.Equal("debian_12_6_x64_20G_alibase_20240823.vhd", (await InstanceAsync(c, id)).GetProperty("ImageId").GetString());
        var disk = Fixtures.List((await c.Ecs("DescribeDisks", ("RegionId", Region), ("InstanceId", id))).Success(), "Disks", "Disk").Single();
        Assert.Equal((60, "root", "debian_12_6_x64_20G_alibase_20240823.vhd"), (disk.GetProperty("Size").GetInt32(), disk.GetProperty("DiskName").GetString(),
            disk.GetProperty("ImageId").GetString()));
        (await c.Ecs("ReplaceSystemDisk", ("InstanceId", id), ("ImageId", "x"), ("KeyPairName", "k"))).Error("InvalidParameter", 400);
    }

    [Fact]
    public async Task ModifyInstanceVpcAttribute_MovesThePrimaryEni_AndFreesItsOldAddress()
    {
        var (c, net) = await SetUpAsync();
        var vsw2 = await Fixtures.VSwitchAsync(c, net.VpcId, "192.168.2.0/24");
        var id = await Fixtures.InstanceAsync(c, net, stopped: true);
        var eniId = PrimaryEniId(await InstanceAsync(c, id));
        var oldIp = (await Fixtures.DescribeEniAsync(c, eniId))!.Value.GetProperty("PrivateIpAddress").GetString()!;

        (await c.Ecs("ModifyInstanceVpcAttribute", ("InstanceId", id), ("VSwitchId", vsw2), ("PrivateIpAddress", "192.168.2.40"))).Success();

        var shown = await InstanceAsync(c, id);
        Assert.Equal((vsw2, "192.168.2.40"), (shown.GetProperty("VpcAttributes").GetProperty("VSwitchId").GetString(),
            shown.GetProperty("VpcAttributes").GetProperty("PrivateIpAddress").GetProperty("IpAddress")[0].GetString()));
        var eni = (await Fixtures.DescribeEniAsync(c, eniId))!.Value;
        Assert.Equal((vsw2, "192.168.2.40"), (eni.GetProperty("VSwitchId").GetString(), eni.GetProperty("PrivateIpAddress").GetString()));
        // The old address is free again in the old vSwitch.
        (await c.Ecs("CreateNetworkInterface", ("RegionId", Region), ("VSwitchId", net.VSwitchId), ("SecurityGroupId", net.SecurityGroupId),
            ("PrimaryIpAddress", oldIp))).Success();
        // A new address in the same vSwitch, then back to the instance's first vSwitch with an automatic one.
        (await c.Ecs("ModifyInstanceVpcAttribute", ("InstanceId", id), ("VSwitchId", vsw2), ("PrivateIpAddress", "192.168.2.41"))).Success();
        (await c.Ecs("ModifyInstanceVpcAttribute", ("InstanceId", id), ("VSwitchId", net.VSwitchId))).Success();
        Assert.Equal(net.VSwitchId, (await Fixtures.DescribeEniAsync(c, eniId))!.Value.GetProperty("VSwitchId").GetString());
    }

    [Fact]
    public async Task ModifyInstanceVpcAttribute_RefusesWithAlibabasCodes()
    {
        var (c, net) = await SetUpAsync();
        var otherZone = await Fixtures.VSwitchAsync(c, net.VpcId, "192.168.3.0/24", Fixtures.OtherZone);
        var otherVpc = await Fixtures.VpcAsync(c, "10.0.0.0/16");
        var otherVsw = await Fixtures.VSwitchAsync(c, otherVpc, "10.0.1.0/24");
        var id = await Fixtures.InstanceAsync(c, net, stopped: true);
        var taken = (await Fixtures.DescribeEniAsync(c, await Fixtures.EniAsync(c, net)))!.Value.GetProperty("PrivateIpAddress").GetString()!;
        async Task<RpcResult> Move(params (string, string)[] p) => await c.Ecs("ModifyInstanceVpcAttribute", [("InstanceId", id), .. p]);

        (await Move(("VSwitchId", otherZone))).Error("InvalidVSwitchId.Mismatch", 400);
        (await Move(("VSwitchId", otherVsw))).Error("InvalidVSwitchId.NotFound", 404);
        (await Move(("VSwitchId", net.VSwitchId), ("PrivateIpAddress", "10.9.9.9"))).Error("InvalidPrivateIpAddress.Mismatch", 400);
        (await Move(("VSwitchId", net.VSwitchId), ("PrivateIpAddress", "192.168.1.300"))).Error("InvalidPrivateIpAddress.Malformed", 400);
        (await Move(("VSwitchId", net.VSwitchId), ("PrivateIpAddress", taken))).Error("InvalidPrivateIpAddress.Duplicated", 400);
        (await Move(("VSwitchId", otherVsw), ("VpcId", otherVpc))).Error("MissingParameter", 400);
        (await Move(("VSwitchId", net.VSwitchId), ("SecurityGroupId.1", net.SecurityGroupId))).Error("InvalidParameter", 400);
        Assert.Equal(net.VSwitchId, (await InstanceAsync(c, id)).GetProperty("VpcAttributes").GetProperty("VSwitchId").GetString());
    }

    [Fact]
    public async Task ModifyInstanceVpcAttribute_MovesToAnotherVpc_WithItsGroups_OnlyWithoutSecondaryEnis()
    {
        var (c, net) = await SetUpAsync();
        var otherVpc = await Fixtures.VpcAsync(c, "10.0.0.0/16");
        var otherVsw = await Fixtures.VSwitchAsync(c, otherVpc, "10.0.1.0/24");
        var otherSg = await Fixtures.SecurityGroupAsync(shared.Server, c, otherVpc);
        var id = await Fixtures.InstanceAsync(c, net, stopped: true);
        var secondary = await Fixtures.EniAsync(c, net);
        await Fixtures.AttachAsync(c, secondary, id);
        (string, string)[] move = [("InstanceId", id), ("VSwitchId", otherVsw), ("VpcId", otherVpc), ("SecurityGroupId.1", otherSg)];

        (await c.Ecs("ModifyInstanceVpcAttribute", move)).Error("InvalidOperation.SecondaryEniAttached", 403);
        (await c.Ecs("DetachNetworkInterface", ("RegionId", Region), ("NetworkInterfaceId", secondary), ("InstanceId", id))).Success();
        await Fixtures.WaitForEniAsync(c, secondary, "Available");
        (await c.Ecs("ModifyInstanceVpcAttribute", move)).Success();

        var shown = await InstanceAsync(c, id);
        Assert.Equal((otherVpc, otherVsw, "10.0.1.2"), (shown.GetProperty("VpcAttributes").GetProperty("VpcId").GetString(),
            shown.GetProperty("VpcAttributes").GetProperty("VSwitchId").GetString(), shown.GetProperty("VpcAttributes").GetProperty("PrivateIpAddress").GetProperty("IpAddress")[0].GetString()));
        Assert.Equal([otherSg], Fixtures.List(shown, "SecurityGroupIds", "SecurityGroupId").Select(g => g.GetString()));
        Assert.Equal([id], Fixtures.List((await c.Ecs("DescribeInstances", ("RegionId", Region), ("VpcId", otherVpc))).Success(), "Instances", "Instance")
            .Select(i => i.GetProperty("InstanceId").GetString()));
        // The old VPC has nothing of the instance left: once the detached ENI is gone, its group can go.
        (await c.Ecs("DeleteNetworkInterface", ("RegionId", Region), ("NetworkInterfaceId", secondary))).Success();
        (await c.Ecs("DeleteSecurityGroup", ("RegionId", Region), ("SecurityGroupId", net.SecurityGroupId))).Success();
    }

    [Fact]
    public async Task ModifyInstanceVpcAttribute_TakesTheEipOnThePrimaryIp_ToTheNewAddress()
    {
        var (c, net) = await SetUpAsync();
        var id = await Fixtures.InstanceAsync(c, net);
        var (eip, _) = await Fixtures.EipAsync(c);
        await Fixtures.AssociateAsync(c, eip, id, "EcsInstance");
        (await c.Ecs("StopInstance", ("InstanceId", id))).Success();
        await Fixtures.WaitForInstanceAsync(c, id, "Stopped");

        (await c.Ecs("ModifyInstanceVpcAttribute", ("InstanceId", id), ("VSwitchId", net.VSwitchId), ("PrivateIpAddress", "192.168.1.77"))).Success();

        var eni = (await Fixtures.DescribeEniAsync(c, PrimaryEniId(await InstanceAsync(c, id))))!.Value;
        var mapped = Fixtures.List(eni, "PrivateIpSets", "PrivateIpSet").Single();
        Assert.Equal("192.168.1.77", mapped.GetProperty("PrivateIpAddress").GetString());
        Assert.Equal(eip, mapped.GetProperty("AssociatedPublicIp").GetProperty("AllocationId").GetString());
        var shownEip = (await Fixtures.DescribeEipAsync(c, eip))!.Value;
        Assert.Equal((id, "InUse"), (shownEip.GetProperty("InstanceId").GetString(), shownEip.GetProperty("Status").GetString()));
    }
}
