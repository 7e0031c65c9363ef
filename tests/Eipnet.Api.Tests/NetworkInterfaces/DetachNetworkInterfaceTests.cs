using Eipnet.Api.Tests.Infrastructure;
using Eipnet.Domain.Resources;

namespace Eipnet.Api.Tests.NetworkInterfaces;

public sealed class DetachNetworkInterfaceTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private const string Region = Fixtures.Region;

    private async Task<(RpcTestClient Client, TestNetwork Net)> SetUpAsync()
    {
        var client = await shared.NewClientAsync();
        return (client, await Fixtures.NetworkAsync(shared.Server, client));
    }

    private static Task<RpcResult> DetachAsync(RpcTestClient client, string eniId, string instanceId) =>
        client.Ecs("DetachNetworkInterface", ("RegionId", Region), ("NetworkInterfaceId", eniId), ("InstanceId", instanceId));

    /// <summary>An instance with one attached secondary ENI.</summary>
    private async Task<(RpcTestClient Client, TestNetwork Net, string InstanceId, string EniId)> AttachedAsync(string instanceType = Fixtures.InstanceType)
    {
        var (client, net) = await SetUpAsync();
        var instanceId = await Fixtures.InstanceAsync(client, net, instanceType, stopped: instanceType == "ecs.t5-lc2m1.nano");
        var eniId = await Fixtures.EniAsync(client, net);
        await Fixtures.AttachAsync(client, eniId, instanceId);
        return (client, net, instanceId, eniId);
    }

    private static async Task AssertAttachedAsync(RpcTestClient client, string eniId, string instanceId)
    {
        var eni = (await Fixtures.DescribeEniAsync(client, eniId))!.Value;
        Assert.Equal("InUse", eni.GetProperty("Status").GetString());
        Assert.Equal(instanceId, eni.GetProperty("InstanceId").GetString());
    }

    [Fact]
    public async Task Detach_MovesEniToAvailable_AndClearsItsInstance()
    {
        var (client, _, instanceId, eniId) = await AttachedAsync();

        (await DetachAsync(client, eniId, instanceId)).Success();

        var eni = await Fixtures.WaitForEniAsync(client, eniId, "Available");
        Assert.Equal("", eni.GetProperty("InstanceId").GetString());
        Assert.False(eni.TryGetProperty("Attachment", out _));
        var instance = (await Fixtures.DescribeInstanceAsync(client, instanceId))!.Value;
        Assert.Single(Fixtures.List(instance, "NetworkInterfaces", "NetworkInterface"));
    }

    [Fact]
    public async Task Detach_KeepsEipsOfTheEni_SoTheyMoveWithItToAnotherInstance()
    {
        var (client, net, instanceId, eniId) = await AttachedAsync();
        var (allocationId, _) = await Fixtures.EipAsync(client);
        await Fixtures.AssociateAsync(client, allocationId, eniId);
        var target = await Fixtures.InstanceAsync(client, net);

        (await DetachAsync(client, eniId, instanceId)).Success();
        await Fixtures.WaitForEniAsync(client, eniId, "Available");
        await Fixtures.AttachAsync(client, eniId, target);

        var eip = (await Fixtures.DescribeEipAsync(client, allocationId))!.Value;
        Assert.Equal("InUse", eip.GetProperty("Status").GetString());
        Assert.Equal(eniId, eip.GetProperty("InstanceId").GetString());
        Assert.Equal(target, (await Fixtures.DescribeEniAsync(client, eniId))!.Value.GetProperty("InstanceId").GetString());
    }

    [Fact]
    public async Task Detach_Rejects_PrimaryEni()
    {
        var (client, net) = await SetUpAsync();
        var instanceId = await Fixtures.InstanceAsync(client, net);
        var primary = (await Fixtures.DescribeInstanceAsync(client, instanceId))!.Value
            .GetProperty("NetworkInterfaces").GetProperty("NetworkInterface")[0].GetProperty("NetworkInterfaceId").GetString()!;

        (await DetachAsync(client, primary, instanceId)).Error("InvalidOperation.DetachPrimaryEniNotAllowed", 400);
    }

    [Fact]
    public async Task Detach_Rejects_EniThatIsNotAttached()
    {
        var (client, net) = await SetUpAsync();
        var instanceId = await Fixtures.InstanceAsync(client, net);
        var eniId = await Fixtures.EniAsync(client, net);

        (await DetachAsync(client, eniId, instanceId)).Error("InvalidOperation.InvalidEniState", 400);
    }

    [Fact]
    public async Task Detach_Rejects_EniAttachedToAnotherInstance()
    {
        var (client, net, instanceId, eniId) = await AttachedAsync();
        var other = await Fixtures.InstanceAsync(client, net);

        (await DetachAsync(client, eniId, other)).Error("InvalidOperation.InvalidEniState", 400);

        await AssertAttachedAsync(client, eniId, instanceId);
    }

    [Fact]
    public async Task Detach_Rejects_RunningInstanceOfTypeThatNeedsStopped()
    {
        var (client, _, instanceId, eniId) = await AttachedAsync("ecs.t5-lc2m1.nano");
        (await client.Ecs("StartInstance", ("InstanceId", instanceId))).Success();
        await Fixtures.WaitForInstanceAsync(client, instanceId, "Running");

        (await DetachAsync(client, eniId, instanceId)).Error("InvalidOperation.InvalidEcsState", 400);

        await AssertAttachedAsync(client, eniId, instanceId);
    }

    [Fact]
    public async Task Detach_Rejects_InstanceInTransition()
    {
        var (client, _, instanceId, eniId) = await AttachedAsync();
        await Fixtures.PinInstanceStatusAsync(shared.Server, instanceId, InstanceStatus.Stopping);

        (await DetachAsync(client, eniId, instanceId)).Error("InvalidOperation.InvalidEcsState", 400);

        await AssertAttachedAsync(client, eniId, instanceId);
    }

    [Fact]
    public async Task Detach_Rejects_AnotherAccountsEni()
    {
        var (client, _, instanceId, eniId) = await AttachedAsync();
        var other = await shared.NewClientAsync();

        (await DetachAsync(other, eniId, instanceId)).Error("InvalidEniId.NotFound", 404);

        await AssertAttachedAsync(client, eniId, instanceId);
    }

    [Theory]
    [InlineData("RegionId")]
    [InlineData("NetworkInterfaceId")]
    [InlineData("InstanceId")]
    public async Task Detach_Rejects_WhenRequiredParameterMissing(string missing)
    {
        var (client, _, instanceId, eniId) = await AttachedAsync();
        (string Key, string Value)[] all = [("RegionId", Region), ("NetworkInterfaceId", eniId), ("InstanceId", instanceId)];

        (await client.Ecs("DetachNetworkInterface", all.Where(p => p.Key != missing).ToArray())).Error("MissingParameter", 400);

        await AssertAttachedAsync(client, eniId, instanceId);
    }
}
