using System.Text.Json;
using System.Text.RegularExpressions;
using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Instances;

public sealed partial class DescribeInstancesTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private const string Region = Fixtures.Region;

    private async Task<(RpcTestClient Client, TestNetwork Net)> SetUpAsync()
    {
        var client = await shared.NewClientAsync();
        return (client, await Fixtures.NetworkAsync(shared.Server, client));
    }

    private static async Task<string[]> IdsAsync(RpcTestClient client, params (string Key, string Value)[] filters) =>
        Fixtures.List((await client.Ecs("DescribeInstances", [("RegionId", Region), .. filters])).Success(), "Instances", "Instance")
            .Select(i => i.GetProperty("InstanceId").GetString()!).Order().ToArray();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")]
    private static partial Regex ApiTime();

    [Fact]
    public async Task Describe_ShowsInstance_WithSdkTypesAndTwiceWrappedLists()
    {
        var (client, net) = await SetUpAsync();
        var id = await Fixtures.InstanceAsync(client, net);

        var body = (await client.Ecs("DescribeInstances", ("RegionId", Region))).Success();

        Assert.Equal(1, body.GetProperty("TotalCount").GetInt32());
        Assert.Equal("", body.GetProperty("NextToken").GetString());
        var i = Assert.Single(Fixtures.List(body, "Instances", "Instance"));
        Assert.Equal(id, i.GetProperty("InstanceId").GetString());
        Assert.Equal(2, i.GetProperty("Cpu").GetInt32());
        Assert.Equal(8192, i.GetProperty("Memory").GetInt32());
        Assert.Equal(Fixtures.InstanceType, i.GetProperty("InstanceType").GetString());
        Assert.Equal("vpc", i.GetProperty("InstanceNetworkType").GetString());
        Assert.Matches(ApiTime(), i.GetProperty("CreationTime").GetString());
        Assert.Matches(ApiTime(), i.GetProperty("StartTime").GetString());
        var vpc = i.GetProperty("VpcAttributes");
        Assert.Equal(net.VpcId, vpc.GetProperty("VpcId").GetString());
        Assert.Equal(net.VSwitchId, vpc.GetProperty("VSwitchId").GetString());
        Assert.Equal("", vpc.GetProperty("NatIpAddress").GetString());
        Assert.Equal(["192.168.1.2"], vpc.GetProperty("PrivateIpAddress").GetProperty("IpAddress").EnumerateArray().Select(a => a.GetString()));
        var eip = i.GetProperty("EipAddress");
        Assert.Equal("", eip.GetProperty("AllocationId").GetString());
        Assert.Equal(JsonValueKind.Number, eip.GetProperty("Bandwidth").ValueKind);
        Assert.False(eip.GetProperty("IsSupportUnassociate").GetBoolean());
        Assert.Empty(Fixtures.List(i, "PublicIpAddress", "IpAddress"));
        Assert.Empty(Fixtures.List(i, "InnerIpAddress", "IpAddress"));
        Assert.Empty(Fixtures.List(i, "OperationLocks", "LockReason"));
        Assert.Empty(Fixtures.List(i, "Tags", "Tag"));
        Assert.Equal([net.SecurityGroupId], Fixtures.List(i, "SecurityGroupIds", "SecurityGroupId").Select(g => g.GetString()));
        var eni = Assert.Single(Fixtures.List(i, "NetworkInterfaces", "NetworkInterface"));
        Assert.Equal("Primary", eni.GetProperty("Type").GetString());
        Assert.Equal("192.168.1.2", eni.GetProperty("PrimaryIpAddress").GetString());
        Assert.Matches("^02(:[0-9a-f]{2}){5}$", eni.GetProperty("MacAddress").GetString());
        var ip = Assert.Single(Fixtures.List(eni, "PrivateIpSets", "PrivateIpSet"));
        Assert.True(ip.GetProperty("Primary").GetBoolean());
    }

    [Fact]
    public async Task Describe_ShowsEipOfInstance_WithIntegerBandwidth()
    {
        var (client, net) = await SetUpAsync();
        var id = await Fixtures.InstanceAsync(client, net);
        var (allocationId, address) = await Fixtures.EipAsync(client);
        await Fixtures.AssociateAsync(client, allocationId, id, "EcsInstance");

        var eip = (await Fixtures.DescribeInstanceAsync(client, id))!.Value.GetProperty("EipAddress");

        Assert.Equal(allocationId, eip.GetProperty("AllocationId").GetString());
        Assert.Equal(address, eip.GetProperty("IpAddress").GetString());
        Assert.Equal(5, eip.GetProperty("Bandwidth").GetInt32());
        Assert.True(eip.GetProperty("IsSupportUnassociate").GetBoolean());
        Assert.Equal([id], await IdsAsync(client, ("EipAddresses", $"[\"{address}\"]")));
    }

    [Fact]
    public async Task Describe_ListsAttachedSecondaryEnis_AfterThePrimary()
    {
        var (client, net) = await SetUpAsync();
        var id = await Fixtures.InstanceAsync(client, net);
        var eniId = await Fixtures.EniAsync(client, net, secondaryIps: 1);
        await Fixtures.AttachAsync(client, eniId, id);

        var enis = Fixtures.List((await Fixtures.DescribeInstanceAsync(client, id))!.Value, "NetworkInterfaces", "NetworkInterface");

        Assert.Equal(["Primary", "Secondary"], enis.Select(n => n.GetProperty("Type").GetString()));
        Assert.Equal(eniId, enis[1].GetProperty("NetworkInterfaceId").GetString());
        Assert.Equal([true, false], Fixtures.List(enis[1], "PrivateIpSets", "PrivateIpSet").Select(p => p.GetProperty("Primary").GetBoolean()));
    }

    [Fact]
    public async Task Describe_Filters_ByIdsPlacementStatusNameTypeAndAddresses()
    {
        var (client, net) = await SetUpAsync();
        var otherVSwitch = await Fixtures.VSwitchAsync(client, net.VpcId, "192.168.2.0/24", Fixtures.OtherZone);
        var a = await Fixtures.InstanceAsync(client, net, extra: ("InstanceName", "web-a"));
        var b = await Fixtures.InstanceAsync(client, net with { VSwitchId = otherVSwitch }, "ecs.g6.large", stopped: true, extra: ("InstanceName", "db-b"));
        string[] both = [a, b];
        both = [.. both.Order()];

        Assert.Equal(both, await IdsAsync(client, ("InstanceIds", $"[\"{a}\",\"{b}\"]")));
        Assert.Equal([a], await IdsAsync(client, ("InstanceIds", $"[\"{a}\"]")));
        Assert.Equal(both, await IdsAsync(client, ("VpcId", net.VpcId)));
        Assert.Equal([b], await IdsAsync(client, ("VSwitchId", otherVSwitch)));
        Assert.Equal([a], await IdsAsync(client, ("ZoneId", Fixtures.Zone)));
        Assert.Equal([b], await IdsAsync(client, ("Status", "Stopped")));
        Assert.Equal([a], await IdsAsync(client, ("InstanceName", "web-a")));
        Assert.Equal([b], await IdsAsync(client, ("InstanceName", "db*")));
        Assert.Equal([b], await IdsAsync(client, ("InstanceType", "ecs.g6.large")));
        Assert.Equal([b], await IdsAsync(client, ("PrivateIpAddresses", "[\"192.168.2.2\"]")));
        Assert.Equal(both, await IdsAsync(client, ("SecurityGroupId", net.SecurityGroupId)));
        Assert.Empty(await IdsAsync(client, ("PublicIpAddresses", "[\"203.0.113.7\"]")));
        Assert.Empty(await IdsAsync(client, ("Status", "Pending")));
    }

    [Fact]
    public async Task Describe_ReturnsEmptySet_ForUnknownOrAnotherAccountsIds()
    {
        var (client, net) = await SetUpAsync();
        var id = await Fixtures.InstanceAsync(client, net);
        var other = await shared.NewClientAsync();

        Assert.Empty(await IdsAsync(other, ("InstanceIds", $"[\"{id}\"]")));
        Assert.Empty(await IdsAsync(client, ("InstanceIds", "[\"i-doesnotexist00000000\"]")));
        var elsewhere = (await client.Ecs("DescribeInstances", ("RegionId", "cn-beijing"))).Success();
        Assert.Equal(0, elsewhere.GetProperty("TotalCount").GetInt32());
        Assert.Empty(Fixtures.List(elsewhere, "Instances", "Instance"));
    }

    [Fact]
    public async Task Describe_Pages_WithPageNumberAndWithNextToken()
    {
        var (client, net) = await SetUpAsync();
        var run = (await client.Ecs("RunInstances", ("RegionId", Region), ("InstanceType", Fixtures.InstanceType), ("VSwitchId", net.VSwitchId),
            ("SecurityGroupId", net.SecurityGroupId), ("Amount", "12"))).Success();
        var all = run.GetProperty("InstanceIdSets").GetProperty("InstanceIdSet").EnumerateArray().Select(i => i.GetString()!).ToList();

        var page3 = (await client.Ecs("DescribeInstances", ("RegionId", Region), ("PageNumber", "3"), ("PageSize", "5"))).Success();
        Assert.Equal(12, page3.GetProperty("TotalCount").GetInt32());
        Assert.Equal(3, page3.GetProperty("PageNumber").GetInt32());
        Assert.Equal(2, Fixtures.List(page3, "Instances", "Instance").Length);

        var first = (await client.Ecs("DescribeInstances", ("RegionId", Region), ("MaxResults", "10"))).Success();
        var token = first.GetProperty("NextToken").GetString()!;
        Assert.NotEqual("", token);
        var second = (await client.Ecs("DescribeInstances", ("RegionId", Region), ("MaxResults", "10"), ("NextToken", token))).Success();
        Assert.Equal("", second.GetProperty("NextToken").GetString());
        var seen = Fixtures.List(first, "Instances", "Instance").Concat(Fixtures.List(second, "Instances", "Instance"))
            .Select(i => i.GetProperty("InstanceId").GetString()!).ToList();
        Assert.Equal(all.Order(), seen.Order());
        Assert.Equal(12, seen.Distinct().Count());
    }

    [Theory]
    [InlineData("Status", "Sleeping", "InvalidStatus.NotFound", 404)]
    [InlineData("InstanceIds", "i-notajsonarray", "InvalidParameter", 400)]
    [InlineData("InstanceIds", "[1,2]", "InvalidParameter", 400)]
    [InlineData("PageSize", "101", "InvalidParameter", 400)]
    [InlineData("PageNumber", "0", "InvalidParameter", 400)]
    [InlineData("NextToken", "not-a-token", "InvalidParameter", 400)]
    [InlineData("RegionId", "cn-nowhere", "InvalidRegionId.NotFound", 404)]
    public async Task Describe_Rejects_InvalidParameter(string name, string value, string code, int status)
    {
        var client = await shared.NewClientAsync();
        (string Key, string Value)[] parameters = name == "RegionId" ? [(name, value)] : [("RegionId", Region), (name, value)];
        (await client.Ecs("DescribeInstances", parameters)).Error(code, status);
    }

    [Fact]
    public async Task Describe_Rejects_MissingRegion()
    {
        var client = await shared.NewClientAsync();
        (await client.Ecs("DescribeInstances")).Error("MissingParameter", 400);
    }
}
