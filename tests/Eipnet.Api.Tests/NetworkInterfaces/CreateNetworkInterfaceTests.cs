using System.Text.Json;
using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.NetworkInterfaces;

public sealed class CreateNetworkInterfaceTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private const string Region = Fixtures.Region;

    private async Task<(RpcTestClient Client, TestNetwork Net)> SetUpAsync(string vSwitchCidr = "192.168.1.0/24")
    {
        var client = await shared.NewClientAsync();
        return (client, await Fixtures.NetworkAsync(shared.Server, client, vSwitchCidr));
    }

    private static Task<RpcResult> CreateAsync(RpcTestClient client, TestNetwork net, params (string Key, string Value)[] extra) =>
        client.Ecs("CreateNetworkInterface", [("RegionId", Region), ("VSwitchId", net.VSwitchId), ("SecurityGroupId", net.SecurityGroupId), .. extra]);

    private static async Task<long> EniCountAsync(RpcTestClient client) =>
        (await client.Ecs("DescribeNetworkInterfaces", ("RegionId", Region))).Success().GetProperty("TotalCount").GetInt64();

    private static string[] PrivateIps(JsonElement eni) =>
        Fixtures.List(eni, "PrivateIpSets", "PrivateIpSet").Select(p => p.GetProperty("PrivateIpAddress").GetString()!).ToArray();

    [Fact]
    public async Task Create_ReturnsAvailableSecondaryEni_WithLowestFreeAddress()
    {
        var (client, net) = await SetUpAsync();

        var eni = (await CreateAsync(client, net, ("NetworkInterfaceName", "eni-web"), ("Description", "for web"), ("DeleteOnRelease", "true"))).Success();

        Assert.StartsWith("eni-", eni.GetProperty("NetworkInterfaceId").GetString());
        Assert.Equal("Available", eni.GetProperty("Status").GetString());
        Assert.Equal("Secondary", eni.GetProperty("Type").GetString());
        Assert.Equal(net.VpcId, eni.GetProperty("VpcId").GetString());
        Assert.Equal(net.VSwitchId, eni.GetProperty("VSwitchId").GetString());
        Assert.Equal(Fixtures.Zone, eni.GetProperty("ZoneId").GetString());
        Assert.Equal("192.168.1.2", eni.GetProperty("PrivateIpAddress").GetString());
        Assert.Equal("eni-web", eni.GetProperty("NetworkInterfaceName").GetString());
        Assert.Equal("for web", eni.GetProperty("Description").GetString());
        Assert.Equal(JsonValueKind.String, eni.GetProperty("OwnerId").ValueKind);
        Assert.Matches("^02(:[0-9a-f]{2}){5}$", eni.GetProperty("MacAddress").GetString());
        Assert.Equal([net.SecurityGroupId], Fixtures.List(eni, "SecurityGroupIds", "SecurityGroupId").Select(g => g.GetString()));
        var ip = Assert.Single(Fixtures.List(eni, "PrivateIpSets", "PrivateIpSet"));
        Assert.Equal("192.168.1.2", ip.GetProperty("PrivateIpAddress").GetString());
        Assert.True(ip.GetProperty("Primary").GetBoolean());
        Assert.Empty(Fixtures.List(eni, "Ipv6Sets", "Ipv6Set"));
        Assert.Empty(Fixtures.List(eni, "Tags", "Tag"));

        var described = (await Fixtures.DescribeEniAsync(client, eni.GetProperty("NetworkInterfaceId").GetString()!))!.Value;
        Assert.True(described.GetProperty("DeleteOnRelease").GetBoolean());
        Assert.Equal(eni.GetProperty("MacAddress").GetString(), described.GetProperty("MacAddress").GetString());
    }

    [Fact]
    public async Task Create_UsesRequestedPrimaryAndSecondaryAddresses()
    {
        var (client, net) = await SetUpAsync();

        var eni = (await CreateAsync(client, net, ("PrimaryIpAddress", "192.168.1.10"),
            ("PrivateIpAddress.1", "192.168.1.11"), ("PrivateIpAddress.2", "192.168.1.12"))).Success();

        Assert.Equal("192.168.1.10", eni.GetProperty("PrivateIpAddress").GetString());
        Assert.Equal(["192.168.1.10", "192.168.1.11", "192.168.1.12"], PrivateIps(eni));
    }

    [Fact]
    public async Task Create_AssignsSecondaryAddressCount_FromLowestFree_AroundTakenOnes()
    {
        var (client, net) = await SetUpAsync();
        (await CreateAsync(client, net, ("PrimaryIpAddress", "192.168.1.3"))).Success();

        var eni = (await CreateAsync(client, net, ("SecondaryPrivateIpAddressCount", "3"))).Success();

        Assert.Equal(["192.168.1.2", "192.168.1.4", "192.168.1.5", "192.168.1.6"], PrivateIps(eni));
    }

    [Fact]
    public async Task Create_GivesEveryEniItsOwnMac_AndAcceptsSecurityGroupList()
    {
        var (client, net) = await SetUpAsync();
        var second = await Fixtures.SecurityGroupAsync(shared.Server, client, net.VpcId);

        var a = (await CreateAsync(client, net)).Success();
        var b = (await client.Ecs("CreateNetworkInterface", ("RegionId", Region), ("VSwitchId", net.VSwitchId),
            ("SecurityGroupIds.1", net.SecurityGroupId), ("SecurityGroupIds.2", second))).Success();

        Assert.NotEqual(a.GetProperty("MacAddress").GetString(), b.GetProperty("MacAddress").GetString());
        Assert.Equal([net.SecurityGroupId, second], Fixtures.List(b, "SecurityGroupIds", "SecurityGroupId").Select(g => g.GetString()));
    }

    [Theory]
    [InlineData("RegionId")]
    [InlineData("VSwitchId")]
    [InlineData("SecurityGroupId")]
    public async Task Create_Rejects_WhenRequiredParameterMissing(string missing)
    {
        var (client, net) = await SetUpAsync();
        (string Key, string Value)[] all = [("RegionId", Region), ("VSwitchId", net.VSwitchId), ("SecurityGroupId", net.SecurityGroupId)];

        (await client.Ecs("CreateNetworkInterface", all.Where(p => p.Key != missing).ToArray())).Error("MissingParameter", 400);

        Assert.Equal(0, await EniCountAsync(client));
    }

    [Fact]
    public async Task Create_Rejects_BothSecurityGroupForms()
    {
        var (client, net) = await SetUpAsync();
        (await CreateAsync(client, net, ("SecurityGroupIds.1", net.SecurityGroupId))).Error("InvalidParameter.Conflict", 400);
    }

    [Fact]
    public async Task Create_Rejects_BothSecondaryAddressForms()
    {
        var (client, net) = await SetUpAsync();
        (await CreateAsync(client, net, ("PrivateIpAddress.1", "192.168.1.20"), ("SecondaryPrivateIpAddressCount", "1")))
            .Error("InvalidParameter.Conflict", 400);
        Assert.Equal(0, await EniCountAsync(client));
    }

    [Theory]
    [InlineData("SecondaryPrivateIpAddressCount", "0")]
    [InlineData("SecondaryPrivateIpAddressCount", "50")]
    [InlineData("PrimaryIpAddress", "192.168.1.999")]
    [InlineData("PrivateIpAddress.1", "not-an-ip")]
    [InlineData("NetworkInterfaceName", "x")]
    [InlineData("Description", "http://example.com")]
    [InlineData("DeleteOnRelease", "yes")]
    [InlineData("InstanceType", "Trunk")]
    public async Task Create_Rejects_InvalidValue(string name, string value)
    {
        var (client, net) = await SetUpAsync();
        (await CreateAsync(client, net, (name, value))).Error("InvalidParameter", 400);
        Assert.Equal(0, await EniCountAsync(client));
    }

    [Fact]
    public async Task Create_Rejects_MoreThanTenSecondaryAddresses_OrSixSecurityGroups()
    {
        var (client, net) = await SetUpAsync();
        var eleven = Enumerable.Range(1, 11).Select(i => ($"PrivateIpAddress.{i}", $"192.168.1.{20 + i}")).ToArray();
        (await CreateAsync(client, net, eleven)).Error("InvalidParameter", 400);

        var six = Enumerable.Range(1, 6).Select(i => ($"SecurityGroupIds.{i}", net.SecurityGroupId)).ToArray();
        (await client.Ecs("CreateNetworkInterface", [("RegionId", Region), ("VSwitchId", net.VSwitchId), .. six])).Error("InvalidParameter", 400);
    }

    [Fact]
    public async Task Create_Rejects_RepeatedAddress()
    {
        var (client, net) = await SetUpAsync();
        (await CreateAsync(client, net, ("PrimaryIpAddress", "192.168.1.20"), ("PrivateIpAddress.1", "192.168.1.20"))).Error("InvalidIp.IpRepeated", 403);
        (await CreateAsync(client, net, ("PrivateIpAddress.1", "192.168.1.21"), ("PrivateIpAddress.2", "192.168.1.21"))).Error("InvalidIp.IpRepeated", 403);
    }

    [Theory]
    [InlineData("PrimaryIpAddress", "10.0.0.5")]
    [InlineData("PrimaryIpAddress", "192.168.1.1")]
    [InlineData("PrivateIpAddress.1", "192.168.1.0")]
    [InlineData("PrivateIpAddress.1", "192.168.1.254")]
    public async Task Create_Rejects_AddressNotAssignableInVSwitch(string name, string ip)
    {
        var (client, net) = await SetUpAsync();
        (await CreateAsync(client, net, (name, ip))).Error("InvalidVSwitchId.IpInvalid", 403);
        Assert.Equal(0, await EniCountAsync(client));
    }

    [Fact]
    public async Task Create_Rejects_AddressInUse_AndCreatesNothing()
    {
        var (client, net) = await SetUpAsync();
        (await CreateAsync(client, net, ("PrimaryIpAddress", "192.168.1.30"))).Success();

        (await CreateAsync(client, net, ("PrimaryIpAddress", "192.168.1.30"))).Error("InvalidPrivateIpAddress.Duplicated", 400);
        (await CreateAsync(client, net, ("PrivateIpAddress.1", "192.168.1.30"))).Error("InvalidPrivateIpAddress.Duplicated", 400);

        Assert.Equal(1, await EniCountAsync(client));
    }

    [Fact]
    public async Task Create_Rejects_WhenVSwitchHasTooFewAddresses()
    {
        // A /29 leaves 3 assignable addresses.
        var (client, net) = await SetUpAsync("192.168.1.0/29");

        (await CreateAsync(client, net, ("SecondaryPrivateIpAddressCount", "3"))).Error("InvalidVSwitchId.IpNotEnough", 403);

        Assert.Equal(0, await EniCountAsync(client));
        Assert.Equal(3, PrivateIps((await CreateAsync(client, net, ("SecondaryPrivateIpAddressCount", "2"))).Success()).Length);
    }

    [Fact]
    public async Task Create_Rejects_SecurityGroupOfAnotherVpc()
    {
        var (client, net) = await SetUpAsync();
        var otherVpc = await Fixtures.VpcAsync(client, "10.0.0.0/8");
        var foreign = await Fixtures.SecurityGroupAsync(shared.Server, client, otherVpc);

        (await CreateAsync(client, net with { SecurityGroupId = foreign })).Error("InvalidOperation.VpcMismatch", 403);
    }

    [Fact]
    public async Task Create_Rejects_AnotherAccountsVSwitchOrSecurityGroup()
    {
        var (client, net) = await SetUpAsync();
        var (other, otherNet) = await SetUpAsync();

        (await CreateAsync(other, otherNet with { VSwitchId = net.VSwitchId })).Error("InvalidVSwitchId.NotFound", 404);
        (await CreateAsync(other, otherNet with { SecurityGroupId = net.SecurityGroupId })).Error("InvalidSecurityGroupId.NotFound", 404);
        (await CreateAsync(client, net with { VSwitchId = "vsw-doesnotexist0000000" })).Error("InvalidVSwitchId.NotFound", 404);
        Assert.Equal(0, await EniCountAsync(other));
    }

    [Fact]
    public async Task Create_Rejects_WhenAccountHasHundredSecondaryEnisInRegion()
    {
        var (client, net) = await SetUpAsync("192.168.0.0/24");
        for (var i = 0; i < 100; i++)
            (await CreateAsync(client, net)).Success();

        (await CreateAsync(client, net)).Error("QuotaExceed.NetworkInterface", 403);

        Assert.Equal(100, await EniCountAsync(client));
    }
}
