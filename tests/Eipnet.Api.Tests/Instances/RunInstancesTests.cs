using System.Text.Json;
using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Instances;

public sealed class RunInstancesTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private const string Region = Fixtures.Region;

    private async Task<(RpcTestClient Client, TestNetwork Net)> SetUpAsync(string vSwitchCidr = "192.168.1.0/24")
    {
        var client = await shared.NewClientAsync();
        return (client, await Fixtures.NetworkAsync(shared.Server, client, vSwitchCidr));
    }

    private static Task<RpcResult> RunAsync(RpcTestClient client, TestNetwork net, params (string Key, string Value)[] extra) =>
        client.Ecs("RunInstances", [("RegionId", Region), ("InstanceType", Fixtures.InstanceType), ("ImageId", "ubuntu_22_04_x64"),
            ("VSwitchId", net.VSwitchId), ("SecurityGroupId", net.SecurityGroupId), .. extra]);

    private static async Task<long> InstanceCountAsync(RpcTestClient client) =>
        (await client.Ecs("DescribeInstances", ("RegionId", Region))).Success().GetProperty("TotalCount").GetInt64();

    private static async Task<long> EniCountAsync(RpcTestClient client) =>
        (await client.Ecs("DescribeNetworkInterfaces", ("RegionId", Region))).Success().GetProperty("TotalCount").GetInt64();

    [Fact]
    public async Task Run_CreatesInstanceThatBecomesRunning_WithPrimaryEniInItsVSwitch()
    {
        var (client, net) = await SetUpAsync();

        var body = (await RunAsync(client, net, ("InstanceName", "web-1"), ("HostName", "web1"), ("Description", "front end"))).Success();

        Assert.Equal("", body.GetProperty("OrderId").GetString());
        Assert.Equal(JsonValueKind.Number, body.GetProperty("TradePrice").ValueKind);
        var ids = body.GetProperty("InstanceIdSets").GetProperty("InstanceIdSet");
        Assert.Equal(JsonValueKind.Array, ids.ValueKind);
        var id = ids[0].GetString()!;
        Assert.StartsWith("i-", id);
        var instance = await Fixtures.WaitForInstanceAsync(client, id, "Running");
        Assert.Equal("web-1", instance.GetProperty("InstanceName").GetString());
        Assert.Equal("web1", instance.GetProperty("HostName").GetString());
        Assert.Equal("front end", instance.GetProperty("Description").GetString());
        Assert.Equal("ubuntu_22_04_x64", instance.GetProperty("ImageId").GetString());
        Assert.Equal(Fixtures.Zone, instance.GetProperty("ZoneId").GetString());
        Assert.NotEqual("", instance.GetProperty("StartTime").GetString());

        var eni = Assert.Single(Fixtures.List((await client.Ecs("DescribeNetworkInterfaces", ("RegionId", Region), ("InstanceId", id))).Success(),
            "NetworkInterfaceSets", "NetworkInterfaceSet"));
        Assert.Equal("Primary", eni.GetProperty("Type").GetString());
        Assert.Equal("InUse", eni.GetProperty("Status").GetString());
        Assert.Equal(0, eni.GetProperty("Attachment").GetProperty("DeviceIndex").GetInt32());
        Assert.Equal(net.VSwitchId, eni.GetProperty("VSwitchId").GetString());
        Assert.Equal("192.168.1.2", eni.GetProperty("PrivateIpAddress").GetString());
        Assert.Equal([net.SecurityGroupId], eni.GetProperty("SecurityGroupIds").GetProperty("SecurityGroupId").EnumerateArray().Select(g => g.GetString()));
    }

    [Fact]
    public async Task Run_CreatesAmountInstances_EachWithItsOwnAddress()
    {
        var (client, net) = await SetUpAsync();

        var ids = (await RunAsync(client, net, ("Amount", "3"))).Success().GetProperty("InstanceIdSets").GetProperty("InstanceIdSet")
            .EnumerateArray().Select(i => i.GetString()!).ToList();

        Assert.Equal(3, ids.Distinct().Count());
        var addresses = new List<string>();
        foreach (var id in ids)
        {
            var instance = await Fixtures.WaitForInstanceAsync(client, id, "Running");
            addresses.Add(instance.GetProperty("VpcAttributes").GetProperty("PrivateIpAddress").GetProperty("IpAddress")[0].GetString()!);
        }
        Assert.Equal(["192.168.1.2", "192.168.1.3", "192.168.1.4"], addresses.Order());
    }

    [Fact]
    public async Task Run_UsesRequestedPrivateIp_AndMatchingZone_AndSecurityGroupList()
    {
        var (client, net) = await SetUpAsync();
        var second = await Fixtures.SecurityGroupAsync(shared.Server, client, net.VpcId);

        var body = (await client.Ecs("RunInstances", ("RegionId", Region), ("InstanceType", Fixtures.InstanceType), ("VSwitchId", net.VSwitchId),
            ("ZoneId", Fixtures.Zone), ("SecurityGroupIds.1", net.SecurityGroupId), ("SecurityGroupIds.2", second),
            ("PrivateIpAddress", "192.168.1.100"))).Success();

        var instance = await Fixtures.WaitForInstanceAsync(client, body.GetProperty("InstanceIdSets").GetProperty("InstanceIdSet")[0].GetString()!, "Running");
        Assert.Equal("192.168.1.100", instance.GetProperty("VpcAttributes").GetProperty("PrivateIpAddress").GetProperty("IpAddress")[0].GetString());
        Assert.Equal([net.SecurityGroupId, second], instance.GetProperty("SecurityGroupIds").GetProperty("SecurityGroupId").EnumerateArray().Select(g => g.GetString()));
    }

    [Fact]
    public async Task Run_ReturnsDryRunOperation_AndCreatesNothing_WhenDryRun()
    {
        var (client, net) = await SetUpAsync();

        var result = (await RunAsync(client, net, ("DryRun", "true"), ("PrivateIpAddress", "192.168.1.2"))).Error("DryRunOperation", 400);

        Assert.Equal("Request validation has been passed with DryRun flag set.", result.Body.GetProperty("Message").GetString());
        Assert.Equal(0, await InstanceCountAsync(client));
        Assert.Equal(0, await EniCountAsync(client));
        // The address the dry run checked is still free.
        (await RunAsync(client, net, ("PrivateIpAddress", "192.168.1.2"))).Success();
    }

    [Fact]
    public async Task Run_Validates_BeforeDryRunSucceeds()
    {
        var (client, net) = await SetUpAsync();
        var otherVpc = await Fixtures.VpcAsync(client, "10.0.0.0/8");
        var foreignGroup = await Fixtures.SecurityGroupAsync(shared.Server, client, otherVpc);

        (await client.Ecs("RunInstances", ("RegionId", Region), ("InstanceType", Fixtures.InstanceType), ("VSwitchId", net.VSwitchId),
            ("SecurityGroupId", foreignGroup), ("DryRun", "true"))).Error("InvalidParameter.Mismatch", 400);
    }

    [Fact]
    public async Task Run_Rejects_UnknownInstanceType()
    {
        var (client, net) = await SetUpAsync();
        (await client.Ecs("RunInstances", ("RegionId", Region), ("InstanceType", "ecs.nonexistent.large"), ("VSwitchId", net.VSwitchId),
            ("SecurityGroupId", net.SecurityGroupId))).Error("InvalidInstanceType.ValueNotSupported", 400);
        Assert.Equal(0, await InstanceCountAsync(client));
    }

    [Theory]
    [InlineData("RegionId")]
    [InlineData("InstanceType")]
    [InlineData("VSwitchId")]
    [InlineData("SecurityGroupId")]
    public async Task Run_Rejects_WhenRequiredParameterMissing(string missing)
    {
        var (client, net) = await SetUpAsync();
        (string Key, string Value)[] all = [("RegionId", Region), ("InstanceType", Fixtures.InstanceType), ("VSwitchId", net.VSwitchId), ("SecurityGroupId", net.SecurityGroupId)];

        var result = (await client.Ecs("RunInstances", all.Where(p => p.Key != missing).ToArray())).Error("MissingParameter", 400);

        Assert.Contains(missing, result.Body.GetProperty("Message").GetString());
    }

    [Fact]
    public async Task Run_Rejects_BothSecurityGroupForms()
    {
        var (client, net) = await SetUpAsync();
        (await RunAsync(client, net, ("SecurityGroupIds.1", net.SecurityGroupId))).Error("InvalidParameter.Conflict", 400);
    }

    [Fact]
    public async Task Run_Rejects_WhenZoneDoesNotMatchVSwitch()
    {
        var (client, net) = await SetUpAsync();
        (await RunAsync(client, net, ("ZoneId", Fixtures.OtherZone))).Error("InvalidParameter.Mismatch", 400);
        Assert.Equal(0, await InstanceCountAsync(client));
    }

    [Fact]
    public async Task Run_Rejects_SecurityGroupOfAnotherVpc()
    {
        var (client, net) = await SetUpAsync();
        var otherVpc = await Fixtures.VpcAsync(client, "10.0.0.0/8");
        var foreignGroup = await Fixtures.SecurityGroupAsync(shared.Server, client, otherVpc);

        (await client.Ecs("RunInstances", ("RegionId", Region), ("InstanceType", Fixtures.InstanceType), ("VSwitchId", net.VSwitchId),
            ("SecurityGroupId", foreignGroup))).Error("InvalidParameter.Mismatch", 400);
        Assert.Equal(0, await InstanceCountAsync(client));
    }

    [Fact]
    public async Task Run_Rejects_UnknownSecurityGroup()
    {
        var (client, net) = await SetUpAsync();
        (await client.Ecs("RunInstances", ("RegionId", Region), ("InstanceType", Fixtures.InstanceType), ("VSwitchId", net.VSwitchId),
            ("SecurityGroupId", "sg-doesnotexist000000000"))).Error("InvalidSecurityGroupId.NotFound", 404);
    }

    [Fact]
    public async Task Run_Rejects_AnotherAccountsVSwitchOrSecurityGroup()
    {
        var (client, net) = await SetUpAsync();
        var (other, otherNet) = await SetUpAsync();

        (await RunAsync(other, net with { SecurityGroupId = otherNet.SecurityGroupId })).Error("InvalidVSwitchId.NotFound", 404);
        (await RunAsync(other, otherNet with { SecurityGroupId = net.SecurityGroupId })).Error("InvalidSecurityGroupId.NotFound", 404);
        Assert.Equal(0, await InstanceCountAsync(client));
        Assert.Equal(0, await InstanceCountAsync(other));
    }

    [Theory]
    [InlineData("Amount", "0")]
    [InlineData("Amount", "101")]
    [InlineData("Amount", "two")]
    [InlineData("InstanceName", "x")]
    [InlineData("InternetMaxBandwidthOut", "5")]
    [InlineData("DryRun", "maybe")]
    public async Task Run_Rejects_InvalidValue(string name, string value)
    {
        var (client, net) = await SetUpAsync();
        (await RunAsync(client, net, (name, value))).Error("InvalidParameter", 400);
        Assert.Equal(0, await InstanceCountAsync(client));
    }

    [Theory]
    [InlineData("192.168.1")]
    [InlineData("192.168.1.300")]
    [InlineData("fe80::1")]
    public async Task Run_Rejects_MalformedPrivateIp(string ip)
    {
        var (client, net) = await SetUpAsync();
        (await RunAsync(client, net, ("PrivateIpAddress", ip))).Error("InvalidPrivateIpAddress.Malformed", 400);
    }

    [Theory]
    [InlineData("10.1.1.5")]      // outside the vSwitch
    [InlineData("192.168.1.0")]   // network address
    [InlineData("192.168.1.1")]   // gateway
    [InlineData("192.168.1.253")] // the last three are reserved
    [InlineData("192.168.1.255")]
    public async Task Run_Rejects_PrivateIpNotAssignableInVSwitch(string ip)
    {
        var (client, net) = await SetUpAsync();
        (await RunAsync(client, net, ("PrivateIpAddress", ip))).Error("InvalidPrivateIpAddress", 400);
        Assert.Equal(0, await InstanceCountAsync(client));
    }

    [Fact]
    public async Task Run_Rejects_PrivateIpInUse_AndLeavesStateUnchanged()
    {
        var (client, net) = await SetUpAsync();
        await Fixtures.InstanceAsync(client, net, extra: ("PrivateIpAddress", "192.168.1.50"));
        var enisBefore = await EniCountAsync(client);

        (await RunAsync(client, net, ("PrivateIpAddress", "192.168.1.50"))).Error("InvalidPrivateIpAddress.Duplicated", 400);

        Assert.Equal(1, await InstanceCountAsync(client));
        Assert.Equal(enisBefore, await EniCountAsync(client));
    }

    [Fact]
    public async Task Run_Rejects_PrivateIpWithAmountAboveOne()
    {
        var (client, net) = await SetUpAsync();
        (await RunAsync(client, net, ("PrivateIpAddress", "192.168.1.50"), ("Amount", "2"))).Error("InvalidParameter", 400);
    }

    [Fact]
    public async Task Run_Rejects_WhenVSwitchHasTooFewFreeAddresses()
    {
        // A /29 has 8 addresses; 5 are reserved, so 3 instances fit.
        var (client, net) = await SetUpAsync("192.168.1.0/29");

        (await RunAsync(client, net, ("Amount", "4"))).Error("QuotaExceeded.PrivateIpAddress", 400);

        Assert.Equal(0, await InstanceCountAsync(client));
        Assert.Equal(3, (await RunAsync(client, net, ("Amount", "3"))).Success().GetProperty("InstanceIdSets").GetProperty("InstanceIdSet").GetArrayLength());
    }
}
