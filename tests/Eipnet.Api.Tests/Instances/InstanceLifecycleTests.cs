using Eipnet.Api.Tests.Infrastructure;
using Eipnet.Domain.Resources;

namespace Eipnet.Api.Tests.Instances;

public sealed class InstanceLifecycleTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private const string Region = Fixtures.Region;

    private async Task<(RpcTestClient Client, TestNetwork Net)> SetUpAsync()
    {
        var client = await shared.NewClientAsync();
        return (client, await Fixtures.NetworkAsync(shared.Server, client));
    }

    private static async Task<string> StatusAsync(RpcTestClient client, string instanceId) =>
        (await Fixtures.DescribeInstanceAsync(client, instanceId))!.Value.GetProperty("Status").GetString()!;

    [Fact]
    public async Task Stop_MovesRunningInstanceToStopped_InItsStoppedMode_AndStartBringsItBack()
    {
        var (client, net) = await SetUpAsync();
        var id = await Fixtures.InstanceAsync(client, net);

        (await client.Ecs("StopInstance", ("InstanceId", id), ("ForceStop", "true"), ("StoppedMode", "StopCharging"))).Success();
        var stopped = await Fixtures.WaitForInstanceAsync(client, id, "Stopped");
        Assert.Equal("StopCharging", stopped.GetProperty("StoppedMode").GetString());

        (await client.Ecs("StartInstance", ("RegionId", Region), ("InstanceId", id))).Success();
        var running = await Fixtures.WaitForInstanceAsync(client, id, "Running");
        Assert.Equal("Not-applicable", running.GetProperty("StoppedMode").GetString());
    }

    [Fact]
    public async Task Start_Rejects_RunningInstance_AndLeavesItRunning()
    {
        var (client, net) = await SetUpAsync();
        var id = await Fixtures.InstanceAsync(client, net);

        (await client.Ecs("StartInstance", ("InstanceId", id))).Error("IncorrectInstanceStatus", 403);

        Assert.Equal("Running", await StatusAsync(client, id));
    }

    [Fact]
    public async Task Stop_Rejects_StoppedInstance()
    {
        var (client, net) = await SetUpAsync();
        var id = await Fixtures.InstanceAsync(client, net, stopped: true);

        (await client.Ecs("StopInstance", ("InstanceId", id))).Error("IncorrectInstanceStatus", 403);

        Assert.Equal("Stopped", await StatusAsync(client, id));
    }

    [Fact]
    public async Task Stop_Rejects_InstanceThatIsStillStarting()
    {
        var (client, net) = await SetUpAsync();
        var id = await Fixtures.InstanceAsync(client, net);
        await Fixtures.PinInstanceStatusAsync(shared.Server, id, InstanceStatus.Starting);

        (await client.Ecs("StopInstance", ("InstanceId", id))).Error("IncorrectInstanceStatus", 403);
    }

    [Fact]
    public async Task StopAndStart_ChangeNothing_WhenDryRun()
    {
        var (client, net) = await SetUpAsync();
        var id = await Fixtures.InstanceAsync(client, net);

        (await client.Ecs("StopInstance", ("InstanceId", id), ("DryRun", "true"))).Error("DryRunOperation", 400);
        Assert.Equal("Running", await StatusAsync(client, id));
    }

    [Theory]
    [InlineData("StartInstance")]
    [InlineData("StopInstance")]
    [InlineData("DeleteInstance")]
    public async Task Action_Rejects_AnotherAccountsInstance(string action)
    {
        var (client, net) = await SetUpAsync();
        var id = await Fixtures.InstanceAsync(client, net, stopped: action == "StartInstance");
        var other = await shared.NewClientAsync();

        (await other.Ecs(action, ("InstanceId", id), ("Force", "true"))).Error("InvalidInstanceId.NotFound", 404);

        Assert.NotNull(await Fixtures.DescribeInstanceAsync(client, id));
    }

    [Theory]
    [InlineData("StartInstance")]
    [InlineData("StopInstance")]
    [InlineData("DeleteInstance")]
    public async Task Action_Rejects_MissingOrUnknownInstanceId(string action)
    {
        var client = await shared.NewClientAsync();
        (await client.Ecs(action, ("RegionId", Region))).Error("MissingParameter", 400);
        (await client.Ecs(action, ("InstanceId", "i-doesnotexist00000000"))).Error("InvalidInstanceId.NotFound", 404);
    }

    [Fact]
    public async Task Start_Rejects_InstanceInAnotherRegion()
    {
        var (client, net) = await SetUpAsync();
        var id = await Fixtures.InstanceAsync(client, net, stopped: true);

        (await client.Ecs("StartInstance", ("RegionId", "cn-beijing"), ("InstanceId", id))).Error("InvalidInstanceId.NotFound", 404);
    }

    [Fact]
    public async Task Delete_RemovesStoppedInstanceAndPrimaryEni_AndFreesItsAddress()
    {
        var (client, net) = await SetUpAsync();
        var id = await Fixtures.InstanceAsync(client, net, stopped: true);

        (await client.Ecs("DeleteInstance", ("InstanceId", id))).Success();

        Assert.Null(await Fixtures.DescribeInstanceAsync(client, id));
        var enis = (await client.Ecs("DescribeNetworkInterfaces", ("RegionId", Region))).Success();
        Assert.Equal(0, enis.GetProperty("TotalCount").GetInt32());
        var next = await Fixtures.InstanceAsync(client, net);
        var instance = (await Fixtures.DescribeInstanceAsync(client, next))!.Value;
        Assert.Equal("192.168.1.2", instance.GetProperty("VpcAttributes").GetProperty("PrivateIpAddress").GetProperty("IpAddress")[0].GetString());
    }

    [Fact]
    public async Task Delete_Rejects_RunningInstanceWithoutForce_AndLeavesItRunning()
    {
        var (client, net) = await SetUpAsync();
        var id = await Fixtures.InstanceAsync(client, net);

        (await client.Ecs("DeleteInstance", ("InstanceId", id))).Error("IncorrectInstanceStatus", 403);

        Assert.Equal("Running", await StatusAsync(client, id));
        Assert.Equal(1, (await client.Ecs("DescribeNetworkInterfaces", ("RegionId", Region))).Success().GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task Delete_RemovesRunningInstance_WhenForced()
    {
        var (client, net) = await SetUpAsync();
        var id = await Fixtures.InstanceAsync(client, net);

        (await client.Ecs("DeleteInstance", ("InstanceId", id), ("Force", "true"))).Success();

        Assert.Null(await Fixtures.DescribeInstanceAsync(client, id));
    }

    [Fact]
    public async Task Delete_ChangesNothing_WhenDryRun()
    {
        var (client, net) = await SetUpAsync();
        var id = await Fixtures.InstanceAsync(client, net, stopped: true);

        (await client.Ecs("DeleteInstance", ("InstanceId", id), ("DryRun", "true"))).Error("DryRunOperation", 400);

        Assert.Equal("Stopped", await StatusAsync(client, id));
    }

    [Fact]
    public async Task Delete_UnassociatesEipOfInstance_AndKeepsItAllocated()
    {
        var (client, net) = await SetUpAsync();
        var id = await Fixtures.InstanceAsync(client, net);
        var (allocationId, _) = await Fixtures.EipAsync(client);
        await Fixtures.AssociateAsync(client, allocationId, id, "EcsInstance");

        (await client.Ecs("DeleteInstance", ("InstanceId", id), ("Force", "true"))).Success();

        var eip = await Fixtures.WaitForEipAsync(client, allocationId, "Available");
        Assert.Equal("", eip.GetProperty("InstanceId").GetString());
    }

    [Fact]
    public async Task Delete_DetachesSecondaryEnis_WhichKeepTheirEips()
    {
        var (client, net) = await SetUpAsync();
        var id = await Fixtures.InstanceAsync(client, net);
        var eniId = await Fixtures.EniAsync(client, net);
        var (allocationId, _) = await Fixtures.EipAsync(client);
        await Fixtures.AssociateAsync(client, allocationId, eniId);
        await Fixtures.AttachAsync(client, eniId, id);

        (await client.Ecs("DeleteInstance", ("InstanceId", id), ("Force", "true"))).Success();

        var eni = await Fixtures.WaitForEniAsync(client, eniId, "Available");
        Assert.Equal("", eni.GetProperty("InstanceId").GetString());
        Assert.False(eni.TryGetProperty("Attachment", out _));
        Assert.Equal(allocationId, eni.GetProperty("AssociatedPublicIp").GetProperty("AllocationId").GetString());
        var eip = (await Fixtures.DescribeEipAsync(client, allocationId))!.Value;
        Assert.Equal("InUse", eip.GetProperty("Status").GetString());
        Assert.Equal(eniId, eip.GetProperty("InstanceId").GetString());
    }
}
