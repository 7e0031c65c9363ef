using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.NetworkInterfaces;

public sealed class ModifyNetworkInterfaceAttributeTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private const string Region = Fixtures.Region;

    private async Task<(RpcTestClient Client, TestNetwork Net, string EniId)> SetUpAsync()
    {
        var client = await shared.NewClientAsync();
        var net = await Fixtures.NetworkAsync(shared.Server, client);
        return (client, net, await Fixtures.EniAsync(client, net));
    }

    private static Task<RpcResult> ModifyAsync(RpcTestClient client, string eniId, params (string Key, string Value)[] changes) =>
        client.Ecs("ModifyNetworkInterfaceAttribute", [("RegionId", Region), ("NetworkInterfaceId", eniId), .. changes]);

    private static async Task<string[]> GroupsAsync(RpcTestClient client, string eniId) =>
        Fixtures.List((await Fixtures.DescribeEniAsync(client, eniId))!.Value, "SecurityGroupIds", "SecurityGroupId").Select(g => g.GetString()!).ToArray();

    [Fact]
    public async Task Modify_ChangesNameDescriptionAndDeleteOnRelease()
    {
        var (client, _, eniId) = await SetUpAsync();

        (await ModifyAsync(client, eniId, ("NetworkInterfaceName", "renamed"), ("Description", "new text"), ("DeleteOnRelease", "true"))).Success();

        var eni = (await Fixtures.DescribeEniAsync(client, eniId))!.Value;
        Assert.Equal("renamed", eni.GetProperty("NetworkInterfaceName").GetString());
        Assert.Equal("new text", eni.GetProperty("Description").GetString());
        Assert.True(eni.GetProperty("DeleteOnRelease").GetBoolean());
    }

    [Fact]
    public async Task Modify_ReplacesSecurityGroups_OfAnAttachedEniToo()
    {
        var (client, net, eniId) = await SetUpAsync();
        var instanceId = await Fixtures.InstanceAsync(client, net);
        await Fixtures.AttachAsync(client, eniId, instanceId);
        var a = await Fixtures.SecurityGroupAsync(shared.Server, client, net.VpcId);
        var b = await Fixtures.SecurityGroupAsync(shared.Server, client, net.VpcId);

        (await ModifyAsync(client, eniId, ("SecurityGroupId.1", a), ("SecurityGroupId.2", b))).Success();

        Assert.Equal([a, b], await GroupsAsync(client, eniId));
    }

    [Fact]
    public async Task Modify_Rejects_SecurityGroupOfAnotherVpc_AndKeepsTheGroups()
    {
        var (client, net, eniId) = await SetUpAsync();
        var otherVpc = await Fixtures.VpcAsync(client, "10.0.0.0/8");
        var foreign = await Fixtures.SecurityGroupAsync(shared.Server, client, otherVpc);

        (await ModifyAsync(client, eniId, ("SecurityGroupId.1", foreign), ("NetworkInterfaceName", "renamed"))).Error("InvalidOperation.VpcMismatch", 403);

        Assert.Equal([net.SecurityGroupId], await GroupsAsync(client, eniId));
        Assert.Equal("", (await Fixtures.DescribeEniAsync(client, eniId))!.Value.GetProperty("NetworkInterfaceName").GetString());
    }

    [Fact]
    public async Task Modify_Rejects_UnknownOrAnotherAccountsSecurityGroup()
    {
        var (client, net, eniId) = await SetUpAsync();
        var (_, otherNet, _) = await SetUpAsync();

        (await ModifyAsync(client, eniId, ("SecurityGroupId.1", "sg-doesnotexist00000000"))).Error("InvalidSecurityGroupId.NotFound", 404);
        (await ModifyAsync(client, eniId, ("SecurityGroupId.1", otherNet.SecurityGroupId))).Error("InvalidSecurityGroupId.NotFound", 404);

        Assert.Equal([net.SecurityGroupId], await GroupsAsync(client, eniId));
    }

    [Theory]
    [InlineData("NetworkInterfaceName", "x")]
    [InlineData("Description", "https://example.com")]
    [InlineData("DeleteOnRelease", "sometimes")]
    public async Task Modify_Rejects_InvalidValue(string name, string value)
    {
        var (client, _, eniId) = await SetUpAsync();
        (await ModifyAsync(client, eniId, (name, value))).Error("InvalidParameter", 400);
    }

    [Fact]
    public async Task Modify_Rejects_SixOrRepeatedSecurityGroups()
    {
        var (client, net, eniId) = await SetUpAsync();
        var six = new List<(string, string)>();
        for (var i = 1; i <= 6; i++)
            six.Add(($"SecurityGroupId.{i}", await Fixtures.SecurityGroupAsync(shared.Server, client, net.VpcId)));

        (await ModifyAsync(client, eniId, [.. six])).Error("InvalidParameter", 400);
        (await ModifyAsync(client, eniId, ("SecurityGroupId.1", net.SecurityGroupId), ("SecurityGroupId.2", net.SecurityGroupId))).Error("InvalidParameter", 400);

        Assert.Equal([net.SecurityGroupId], await GroupsAsync(client, eniId));
    }

    [Fact]
    public async Task Modify_Rejects_AnotherAccountsEni_AndMissingParameters()
    {
        var (client, _, eniId) = await SetUpAsync();
        var other = await shared.NewClientAsync();

        (await ModifyAsync(other, eniId, ("NetworkInterfaceName", "stolen"))).Error("InvalidEniId.NotFound", 404);
        (await client.Ecs("ModifyNetworkInterfaceAttribute", ("RegionId", Region), ("NetworkInterfaceName", "renamed"))).Error("MissingParameter", 400);
        (await client.Ecs("ModifyNetworkInterfaceAttribute", ("NetworkInterfaceId", eniId), ("NetworkInterfaceName", "renamed"))).Error("MissingParameter", 400);

        Assert.Equal("", (await Fixtures.DescribeEniAsync(client, eniId))!.Value.GetProperty("NetworkInterfaceName").GetString());
    }
}
