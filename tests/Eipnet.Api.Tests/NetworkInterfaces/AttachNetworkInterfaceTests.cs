using Eipnet.Api.Tests.Infrastructure;
using Eipnet.Domain.Resources;

namespace Eipnet.Api.Tests.NetworkInterfaces;

public sealed class AttachNetworkInterfaceTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private const string Region = Fixtures.Region;

    private async Task<(RpcTestClient Client, TestNetwork Net)> SetUpAsync()
    {
        var client = await shared.NewClientAsync();
        return (client, await Fixtures.NetworkAsync(shared.Server, client));
    }

    private static Task<RpcResult> AttachAsync(RpcTestClient client, string eniId, string instanceId) =>
        client.Ecs("AttachNetworkInterface", ("RegionId", Region), ("NetworkInterfaceId", eniId), ("InstanceId", instanceId));

    private static async Task<string> PrimaryEniAsync(RpcTestClient client, string instanceId) =>
        (await Fixtures.DescribeInstanceAsync(client, instanceId))!.Value
            .GetProperty("NetworkInterfaces").GetProperty("NetworkInterface")[0].GetProperty("NetworkInterfaceId").GetString()!;

    /// <summary>Asserts the ENI is still unattached after a refused attach.</summary>
    private static async Task AssertAvailableAsync(RpcTestClient client, string eniId)
    {
        var eni = (await Fixtures.DescribeEniAsync(client, eniId))!.Value;
        Assert.Equal("Available", eni.GetProperty("Status").GetString());
        Assert.Equal("", eni.GetProperty("InstanceId").GetString());
    }

    [Fact]
    public async Task Attach_MovesEniToInUse_WithTheNextFreeDeviceIndex()
    {
        var (client, net) = await SetUpAsync();
        var instanceId = await Fixtures.InstanceAsync(client, net);
        var first = await Fixtures.EniAsync(client, net);
        var second = await Fixtures.EniAsync(client, net);

        (await AttachAsync(client, first, instanceId)).Success();
        var attached = await Fixtures.WaitForEniAsync(client, first, "InUse");
        (await AttachAsync(client, second, instanceId)).Success();
        var attachedSecond = await Fixtures.WaitForEniAsync(client, second, "InUse");

        Assert.Equal(instanceId, attached.GetProperty("InstanceId").GetString());
        var attachment = attached.GetProperty("Attachment");
        Assert.Equal(instanceId, attachment.GetProperty("InstanceId").GetString());
        Assert.Equal(1, attachment.GetProperty("DeviceIndex").GetInt32());
        Assert.Equal(0, attachment.GetProperty("NetworkCardIndex").GetInt32());
        Assert.Equal("", attachment.GetProperty("TrunkNetworkInterfaceId").GetString());
        Assert.Equal(2, attachedSecond.GetProperty("Attachment").GetProperty("DeviceIndex").GetInt32());
    }

    [Fact]
    public async Task Attach_ReusesTheDeviceIndexOfADetachedEni()
    {
        var (client, net) = await SetUpAsync();
        var instanceId = await Fixtures.InstanceAsync(client, net);
        var first = await Fixtures.EniAsync(client, net);
        var second = await Fixtures.EniAsync(client, net);
        await Fixtures.AttachAsync(client, first, instanceId);
        (await client.Ecs("DetachNetworkInterface", ("RegionId", Region), ("NetworkInterfaceId", first), ("InstanceId", instanceId))).Success();
        await Fixtures.WaitForEniAsync(client, first, "Available");

        await Fixtures.AttachAsync(client, second, instanceId);

        Assert.Equal(1, (await Fixtures.DescribeEniAsync(client, second))!.Value.GetProperty("Attachment").GetProperty("DeviceIndex").GetInt32());
    }

    [Fact]
    public async Task Attach_Accepts_StoppedInstance_AndStoppedOnlyTypeWhenStopped()
    {
        var (client, net) = await SetUpAsync();
        var stopped = await Fixtures.InstanceAsync(client, net, "ecs.t5-lc2m1.nano", stopped: true);
        var eniId = await Fixtures.EniAsync(client, net);

        await Fixtures.AttachAsync(client, eniId, stopped);
    }

    [Fact]
    public async Task Attach_KeepsEipsOfTheEni_IncludingCutThrough()
    {
        var (client, net) = await SetUpAsync();
        var instanceId = await Fixtures.InstanceAsync(client, net);
        var eniId = await Fixtures.EniAsync(client, net);
        var (allocationId, address) = await Fixtures.EipAsync(client);
        await Fixtures.AssociateAsync(client, allocationId, eniId, mode: "BINDED");

        await Fixtures.AttachAsync(client, eniId, instanceId);

        var eip = (await Fixtures.DescribeEipAsync(client, allocationId))!.Value;
        Assert.Equal("InUse", eip.GetProperty("Status").GetString());
        Assert.Equal(eniId, eip.GetProperty("InstanceId").GetString());
        Assert.Equal("BINDED", eip.GetProperty("Mode").GetString());
        var eni = (await Fixtures.DescribeEniAsync(client, eniId))!.Value;
        Assert.Equal(address, eni.GetProperty("AssociatedPublicIp").GetProperty("PublicIpAddress").GetString());
    }

    [Fact]
    public async Task Attach_Rejects_PrimaryEni()
    {
        var (client, net) = await SetUpAsync();
        var a = await Fixtures.InstanceAsync(client, net, stopped: true);
        var b = await Fixtures.InstanceAsync(client, net);

        (await AttachAsync(client, await PrimaryEniAsync(client, a), b)).Error("InvalidOperation.InvalidEniType", 403);
    }

    [Fact]
    public async Task Attach_Rejects_EniThatIsAlreadyAttached()
    {
        var (client, net) = await SetUpAsync();
        var a = await Fixtures.InstanceAsync(client, net);
        var b = await Fixtures.InstanceAsync(client, net);
        var eniId = await Fixtures.EniAsync(client, net);
        await Fixtures.AttachAsync(client, eniId, a);

        (await AttachAsync(client, eniId, b)).Error("InvalidOperation.InvalidEniState", 400);

        Assert.Equal(a, (await Fixtures.DescribeEniAsync(client, eniId))!.Value.GetProperty("InstanceId").GetString());
    }

    [Fact]
    public async Task Attach_Rejects_EniThatIsStillDetaching()
    {
        var (client, net) = await SetUpAsync();
        var instanceId = await Fixtures.InstanceAsync(client, net);
        var eniId = await Fixtures.EniAsync(client, net);
        await Fixtures.PinEniStatusAsync(shared.Server, eniId, EniStatus.Detaching);

        (await AttachAsync(client, eniId, instanceId)).Error("InvalidOperation.InvalidEniState", 400);
    }

    [Theory]
    [InlineData(InstanceStatus.Pending)]
    [InlineData(InstanceStatus.Starting)]
    [InlineData(InstanceStatus.Stopping)]
    public async Task Attach_Rejects_InstanceInTransition(InstanceStatus status)
    {
        var (client, net) = await SetUpAsync();
        var instanceId = await Fixtures.InstanceAsync(client, net);
        var eniId = await Fixtures.EniAsync(client, net);
        await Fixtures.PinInstanceStatusAsync(shared.Server, instanceId, status);

        (await AttachAsync(client, eniId, instanceId)).Error("InvalidOperation.InvalidEcsState", 400);

        await AssertAvailableAsync(client, eniId);
    }

    [Fact]
    public async Task Attach_Rejects_RunningInstanceOfTypeThatNeedsStopped()
    {
        var (client, net) = await SetUpAsync();
        var instanceId = await Fixtures.InstanceAsync(client, net, "ecs.t5-lc2m1.nano");
        var eniId = await Fixtures.EniAsync(client, net);

        (await AttachAsync(client, eniId, instanceId)).Error("InvalidOperation.InvalidEcsState", 400);

        await AssertAvailableAsync(client, eniId);
    }

    [Fact]
    public async Task Attach_Rejects_EniOfAnotherVpc()
    {
        var (client, net) = await SetUpAsync();
        var instanceId = await Fixtures.InstanceAsync(client, net);
        var otherVpc = await Fixtures.VpcAsync(client, "10.0.0.0/8");
        var otherNet = new TestNetwork(otherVpc, await Fixtures.VSwitchAsync(client, otherVpc, "10.1.0.0/24"),
            await Fixtures.SecurityGroupAsync(shared.Server, client, otherVpc));
        var eniId = await Fixtures.EniAsync(client, otherNet);

        (await AttachAsync(client, eniId, instanceId)).Error("InvalidOperation.VpcMismatch", 403);

        await AssertAvailableAsync(client, eniId);
    }

    [Fact]
    public async Task Attach_Rejects_EniInAnotherZone()
    {
        var (client, net) = await SetUpAsync();
        var instanceId = await Fixtures.InstanceAsync(client, net);
        var otherZoneVSwitch = await Fixtures.VSwitchAsync(client, net.VpcId, "192.168.2.0/24", Fixtures.OtherZone);
        var eniId = await Fixtures.EniAsync(client, net, vSwitchId: otherZoneVSwitch);

        (await AttachAsync(client, eniId, instanceId)).Error("InvalidOperation.AvailabilityZoneMismatch", 403);

        await AssertAvailableAsync(client, eniId);
    }

    [Fact]
    public async Task Attach_Accepts_EniInAnotherVSwitchOfTheSameZone()
    {
        var (client, net) = await SetUpAsync();
        var instanceId = await Fixtures.InstanceAsync(client, net);
        var sameZoneVSwitch = await Fixtures.VSwitchAsync(client, net.VpcId, "192.168.3.0/24");
        var eniId = await Fixtures.EniAsync(client, net, vSwitchId: sameZoneVSwitch);

        await Fixtures.AttachAsync(client, eniId, instanceId);
    }

    [Fact]
    public async Task Attach_Rejects_WhenInstanceHasAsManyEnisAsItsTypeAllows()
    {
        // ecs.g6.large: 2 ENIs, the primary included.
        var (client, net) = await SetUpAsync();
        var instanceId = await Fixtures.InstanceAsync(client, net, "ecs.g6.large");
        var first = await Fixtures.EniAsync(client, net);
        var second = await Fixtures.EniAsync(client, net);
        await Fixtures.AttachAsync(client, first, instanceId);

        (await AttachAsync(client, second, instanceId)).Error("EniPerInstanceLimitExceeded", 403);

        await AssertAvailableAsync(client, second);
    }

    [Fact]
    public async Task Attach_Rejects_EniWithMorePrivateIpsThanTheTypeAllows()
    {
        // ecs.g7.large: 6 private IPs per ENI; this ENI has 7.
        var (client, net) = await SetUpAsync();
        var instanceId = await Fixtures.InstanceAsync(client, net);
        var eniId = await Fixtures.EniAsync(client, net, secondaryIps: 6);

        (await AttachAsync(client, eniId, instanceId)).Error("InvalidOperation.Ipv4CountExceeded", 403);

        await AssertAvailableAsync(client, eniId);
        await Fixtures.AttachAsync(client, await Fixtures.EniAsync(client, net, secondaryIps: 5), instanceId);
    }

    [Fact]
    public async Task Attach_Rejects_AnotherAccountsEniOrInstance()
    {
        var (client, net) = await SetUpAsync();
        var (other, otherNet) = await SetUpAsync();
        var instanceId = await Fixtures.InstanceAsync(client, net);
        var eniId = await Fixtures.EniAsync(client, net);
        var otherInstance = await Fixtures.InstanceAsync(other, otherNet);
        var otherEni = await Fixtures.EniAsync(other, otherNet);

        (await AttachAsync(client, otherEni, instanceId)).Error("InvalidEniId.NotFound", 404);
        (await AttachAsync(client, eniId, otherInstance)).Error("InvalidInstanceId.NotFound", 404);

        await AssertAvailableAsync(client, eniId);
        await AssertAvailableAsync(other, otherEni);
    }

    [Theory]
    [InlineData("RegionId")]
    [InlineData("NetworkInterfaceId")]
    [InlineData("InstanceId")]
    public async Task Attach_Rejects_WhenRequiredParameterMissing(string missing)
    {
        var (client, net) = await SetUpAsync();
        var instanceId = await Fixtures.InstanceAsync(client, net);
        var eniId = await Fixtures.EniAsync(client, net);
        (string Key, string Value)[] all = [("RegionId", Region), ("NetworkInterfaceId", eniId), ("InstanceId", instanceId)];

        (await client.Ecs("AttachNetworkInterface", all.Where(p => p.Key != missing).ToArray())).Error("MissingParameter", 400);

        await AssertAvailableAsync(client, eniId);
    }
}
