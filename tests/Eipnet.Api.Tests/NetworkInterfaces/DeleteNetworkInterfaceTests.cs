using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.NetworkInterfaces;

public sealed class DeleteNetworkInterfaceTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private const string Region = Fixtures.Region;

    private async Task<(RpcTestClient Client, TestNetwork Net)> SetUpAsync()
    {
        var client = await shared.NewClientAsync();
        return (client, await Fixtures.NetworkAsync(shared.Server, client));
    }

    private static Task<RpcResult> DeleteAsync(RpcTestClient client, string eniId) =>
        client.Ecs("DeleteNetworkInterface", ("RegionId", Region), ("NetworkInterfaceId", eniId));

    [Fact]
    public async Task Delete_RemovesAvailableEni_AndFreesItsAddresses()
    {
        var (client, net) = await SetUpAsync();
        var eniId = await Fixtures.EniAsync(client, net, secondaryIps: 2);

        (await DeleteAsync(client, eniId)).Success();

        Assert.Null(await Fixtures.DescribeEniAsync(client, eniId));
        var again = (await client.Ecs("CreateNetworkInterface", ("RegionId", Region), ("VSwitchId", net.VSwitchId),
            ("SecurityGroupId", net.SecurityGroupId), ("PrivateIpAddress.1", "192.168.1.3"))).Success();
        Assert.Equal("192.168.1.2", again.GetProperty("PrivateIpAddress").GetString());
    }

    [Fact]
    public async Task Delete_Rejects_PrimaryEni()
    {
        var (client, net) = await SetUpAsync();
        var instanceId = await Fixtures.InstanceAsync(client, net, stopped: true);
        var primary = (await Fixtures.DescribeInstanceAsync(client, instanceId))!.Value
            .GetProperty("NetworkInterfaces").GetProperty("NetworkInterface")[0].GetProperty("NetworkInterfaceId").GetString()!;

        (await DeleteAsync(client, primary)).Error("InvalidOperation.InvalidEniType", 403);

        Assert.NotNull(await Fixtures.DescribeEniAsync(client, primary));
    }

    [Fact]
    public async Task Delete_Rejects_AttachedEni_AndLeavesItAttached()
    {
        var (client, net) = await SetUpAsync();
        var instanceId = await Fixtures.InstanceAsync(client, net);
        var eniId = await Fixtures.EniAsync(client, net);
        await Fixtures.AttachAsync(client, eniId, instanceId);

        (await DeleteAsync(client, eniId)).Error("InvalidOperation.InvalidEniState", 400);

        var eni = (await Fixtures.DescribeEniAsync(client, eniId))!.Value;
        Assert.Equal("InUse", eni.GetProperty("Status").GetString());
        Assert.Equal(instanceId, eni.GetProperty("InstanceId").GetString());
    }

    [Fact]
    public async Task Delete_Rejects_EniWithEip_NamingTheEip()
    {
        var (client, net) = await SetUpAsync();
        var eniId = await Fixtures.EniAsync(client, net);
        var (allocationId, _) = await Fixtures.EipAsync(client);
        await Fixtures.AssociateAsync(client, allocationId, eniId);

        var result = (await DeleteAsync(client, eniId)).Error("InvalidOperation.EniLinked", 400);

        Assert.Contains(allocationId, result.Body.GetProperty("Message").GetString());
        Assert.NotNull(await Fixtures.DescribeEniAsync(client, eniId));
        Assert.Equal("InUse", (await Fixtures.DescribeEipAsync(client, allocationId))!.Value.GetProperty("Status").GetString());
    }

    [Fact]
    public async Task Delete_Rejects_AnotherAccountsOrUnknownEni()
    {
        var (client, net) = await SetUpAsync();
        var eniId = await Fixtures.EniAsync(client, net);
        var other = await shared.NewClientAsync();

        (await DeleteAsync(other, eniId)).Error("InvalidEniId.NotFound", 404);
        (await DeleteAsync(client, "eni-doesnotexist000000")).Error("InvalidEniId.NotFound", 404);

        Assert.NotNull(await Fixtures.DescribeEniAsync(client, eniId));
    }

    [Theory]
    [InlineData("RegionId")]
    [InlineData("NetworkInterfaceId")]
    public async Task Delete_Rejects_WhenRequiredParameterMissing(string missing)
    {
        var (client, net) = await SetUpAsync();
        var eniId = await Fixtures.EniAsync(client, net);
        (string Key, string Value)[] all = [("RegionId", Region), ("NetworkInterfaceId", eniId)];

        (await client.Ecs("DeleteNetworkInterface", all.Where(p => p.Key != missing).ToArray())).Error("MissingParameter", 400);

        Assert.NotNull(await Fixtures.DescribeEniAsync(client, eniId));
    }
}
