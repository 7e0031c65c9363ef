using System.Text.Json;
using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.NetworkInterfaces;

public sealed class DescribeNetworkInterfacesTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private const string Region = Fixtures.Region;

    private async Task<(RpcTestClient Client, TestNetwork Net)> SetUpAsync()
    {
        var client = await shared.NewClientAsync();
        return (client, await Fixtures.NetworkAsync(shared.Server, client));
    }

    private static async Task<string[]> IdsAsync(RpcTestClient client, params (string Key, string Value)[] filters) =>
        Fixtures.List((await client.Ecs("DescribeNetworkInterfaces", [("RegionId", Region), .. filters])).Success(), "NetworkInterfaceSets", "NetworkInterfaceSet")
            .Select(n => n.GetProperty("NetworkInterfaceId").GetString()!).Order().ToArray();

    private static string[] Sorted(params string[] ids) => [.. ids.Order()];

    [Fact]
    public async Task Describe_ShowsEni_WithSdkTypesAndTwiceWrappedLists()
    {
        var (client, net) = await SetUpAsync();
        var eniId = await Fixtures.EniAsync(client, net, secondaryIps: 1);

        var body = (await client.Ecs("DescribeNetworkInterfaces", ("RegionId", Region))).Success();

        Assert.Equal(1, body.GetProperty("TotalCount").GetInt32());
        Assert.Equal(1, body.GetProperty("PageNumber").GetInt32());
        Assert.Equal(10, body.GetProperty("PageSize").GetInt32());
        Assert.Equal("", body.GetProperty("NextToken").GetString());
        var eni = Assert.Single(Fixtures.List(body, "NetworkInterfaceSets", "NetworkInterfaceSet"));
        Assert.Equal(eniId, eni.GetProperty("NetworkInterfaceId").GetString());
        Assert.Equal("Available", eni.GetProperty("Status").GetString());
        Assert.Equal("Secondary", eni.GetProperty("Type").GetString());
        Assert.Equal("", eni.GetProperty("InstanceId").GetString());
        Assert.Equal(net.VpcId, eni.GetProperty("VpcId").GetString());
        Assert.Equal("192.168.1.2", eni.GetProperty("PrivateIpAddress").GetString());
        Assert.Equal(JsonValueKind.String, eni.GetProperty("OwnerId").ValueKind);
        Assert.Equal(JsonValueKind.False, eni.GetProperty("DeleteOnRelease").ValueKind);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", eni.GetProperty("CreationTime").GetString());
        Assert.False(eni.TryGetProperty("Attachment", out _));
        Assert.Equal("", eni.GetProperty("AssociatedPublicIp").GetProperty("AllocationId").GetString());
        var ips = Fixtures.List(eni, "PrivateIpSets", "PrivateIpSet");
        Assert.Equal([true, false], ips.Select(p => p.GetProperty("Primary").GetBoolean()));
        Assert.Equal("", ips[1].GetProperty("AssociatedPublicIp").GetProperty("PublicIpAddress").GetString());
        Assert.Equal([net.SecurityGroupId], Fixtures.List(eni, "SecurityGroupIds", "SecurityGroupId").Select(g => g.GetString()));
        Assert.Empty(Fixtures.List(eni, "Ipv6Sets", "Ipv6Set"));
        Assert.Empty(Fixtures.List(eni, "Ipv4PrefixSets", "Ipv4PrefixSet"));
        Assert.Empty(Fixtures.List(eni, "Tags", "Tag"));
    }

    [Fact]
    public async Task Describe_ShowsEachPrivateIpsEip_AndThePrimaryIpsEipOnTheEni()
    {
        var (client, net) = await SetUpAsync();
        var eniId = await Fixtures.EniAsync(client, net, secondaryIps: 2);
        var (onPrimary, primaryAddress) = await Fixtures.EipAsync(client);
        var (onSecondary, secondaryAddress) = await Fixtures.EipAsync(client);
        await Fixtures.AssociateAsync(client, onPrimary, eniId);
        await Fixtures.AssociateAsync(client, onSecondary, eniId, privateIp: "192.168.1.4");

        var eni = (await Fixtures.DescribeEniAsync(client, eniId))!.Value;

        Assert.Equal(onPrimary, eni.GetProperty("AssociatedPublicIp").GetProperty("AllocationId").GetString());
        Assert.Equal(primaryAddress, eni.GetProperty("AssociatedPublicIp").GetProperty("PublicIpAddress").GetString());
        var byIp = Fixtures.List(eni, "PrivateIpSets", "PrivateIpSet").ToDictionary(
            p => p.GetProperty("PrivateIpAddress").GetString()!, p => p.GetProperty("AssociatedPublicIp").GetProperty("PublicIpAddress").GetString());
        Assert.Equal(primaryAddress, byIp["192.168.1.2"]);
        Assert.Equal("", byIp["192.168.1.3"]);
        Assert.Equal(secondaryAddress, byIp["192.168.1.4"]);
    }

    [Fact]
    public async Task Describe_ShowsAttachment_WhenAttached()
    {
        var (client, net) = await SetUpAsync();
        var instanceId = await Fixtures.InstanceAsync(client, net);
        var eniId = await Fixtures.EniAsync(client, net);
        await Fixtures.AttachAsync(client, eniId, instanceId);

        var eni = (await Fixtures.DescribeEniAsync(client, eniId))!.Value;

        Assert.Equal(instanceId, eni.GetProperty("InstanceId").GetString());
        Assert.Equal(instanceId, eni.GetProperty("Attachment").GetProperty("InstanceId").GetString());
        Assert.Equal(1, eni.GetProperty("Attachment").GetProperty("DeviceIndex").GetInt32());
    }

    [Fact]
    public async Task Describe_Filters_ByEveryColumn()
    {
        var (client, net) = await SetUpAsync();
        var instanceId = await Fixtures.InstanceAsync(client, net);
        var primary = (await IdsAsync(client, ("Type", "Primary"))).Single();
        var otherVSwitch = await Fixtures.VSwitchAsync(client, net.VpcId, "192.168.2.0/24");
        var attached = await Fixtures.EniAsync(client, net, secondaryIps: 1);
        await Fixtures.AttachAsync(client, attached, instanceId);
        var loose = (await client.Ecs("CreateNetworkInterface", ("RegionId", Region), ("VSwitchId", otherVSwitch),
            ("SecurityGroupId", net.SecurityGroupId), ("NetworkInterfaceName", "spare"))).Success().GetProperty("NetworkInterfaceId").GetString()!;

        Assert.Equal(Sorted(primary, attached, loose), await IdsAsync(client));
        Assert.Equal(Sorted(primary, attached), await IdsAsync(client, ("NetworkInterfaceId.1", primary), ("NetworkInterfaceId.2", attached)));
        Assert.Equal(Sorted(primary, attached), await IdsAsync(client, ("InstanceId", instanceId)));
        Assert.Equal(Sorted(primary, attached, loose), await IdsAsync(client, ("VpcId", net.VpcId)));
        Assert.Equal([loose], await IdsAsync(client, ("VSwitchId", otherVSwitch)));
        Assert.Equal(Sorted(attached, loose), await IdsAsync(client, ("Type", "Secondary")));
        Assert.Equal([loose], await IdsAsync(client, ("Status", "Available")));
        Assert.Equal(Sorted(primary, attached), await IdsAsync(client, ("Status", "InUse")));
        Assert.Equal([loose], await IdsAsync(client, ("NetworkInterfaceName", "spare")));
        Assert.Equal([loose], await IdsAsync(client, ("PrimaryIpAddress", "192.168.2.2")));
        Assert.Equal([attached], await IdsAsync(client, ("PrivateIpAddress.1", "192.168.1.4")));
        // SecurityGroupId finds secondary ENIs only.
        Assert.Equal(Sorted(attached, loose), await IdsAsync(client, ("SecurityGroupId", net.SecurityGroupId)));
        Assert.Empty(await IdsAsync(client, ("Status", "Deleting")));
        Assert.Empty(await IdsAsync(client, ("Type", "Trunk")));
    }

    [Fact]
    public async Task Describe_ReturnsEmptySet_ForUnknownOrAnotherAccountsIds()
    {
        var (client, net) = await SetUpAsync();
        var eniId = await Fixtures.EniAsync(client, net);
        var other = await shared.NewClientAsync();

        Assert.Empty(await IdsAsync(other, ("NetworkInterfaceId.1", eniId)));
        Assert.Empty(await IdsAsync(client, ("NetworkInterfaceId.1", "eni-doesnotexist000000")));
        var elsewhere = (await client.Ecs("DescribeNetworkInterfaces", ("RegionId", "cn-beijing"))).Success();
        Assert.Equal(0, elsewhere.GetProperty("TotalCount").GetInt32());
        Assert.Empty(Fixtures.List(elsewhere, "NetworkInterfaceSets", "NetworkInterfaceSet"));
    }

    [Fact]
    public async Task Describe_Pages_WithPageNumberAndWithNextToken_KeepingTotalCountRight()
    {
        var (client, net) = await SetUpAsync();
        var all = new List<string>();
        for (var i = 0; i < 12; i++)
            all.Add(await Fixtures.EniAsync(client, net));

        var page2 = (await client.Ecs("DescribeNetworkInterfaces", ("RegionId", Region), ("PageNumber", "2"), ("PageSize", "5"))).Success();
        Assert.Equal(12, page2.GetProperty("TotalCount").GetInt32());
        Assert.Equal(all.Skip(5).Take(5), Fixtures.List(page2, "NetworkInterfaceSets", "NetworkInterfaceSet").Select(n => n.GetProperty("NetworkInterfaceId").GetString()));

        // MaxResults below 10 counts as 10.
        var first = (await client.Ecs("DescribeNetworkInterfaces", ("RegionId", Region), ("MaxResults", "5"))).Success();
        Assert.Equal(10, Fixtures.List(first, "NetworkInterfaceSets", "NetworkInterfaceSet").Length);
        var token = first.GetProperty("NextToken").GetString()!;
        var second = (await client.Ecs("DescribeNetworkInterfaces", ("RegionId", Region), ("MaxResults", "5"), ("NextToken", token))).Success();
        Assert.Equal("", second.GetProperty("NextToken").GetString());
        Assert.Equal(all.Skip(10), Fixtures.List(second, "NetworkInterfaceSets", "NetworkInterfaceSet").Select(n => n.GetProperty("NetworkInterfaceId").GetString()));

        // Filters applied in memory page the same way.
        var filtered = (await client.Ecs("DescribeNetworkInterfaces", ("RegionId", Region), ("SecurityGroupId", net.SecurityGroupId),
            ("PageNumber", "3"), ("PageSize", "5"))).Success();
        Assert.Equal(12, filtered.GetProperty("TotalCount").GetInt32());
        Assert.Equal(all.Skip(10), Fixtures.List(filtered, "NetworkInterfaceSets", "NetworkInterfaceSet").Select(n => n.GetProperty("NetworkInterfaceId").GetString()));
    }

    [Theory]
    [InlineData("PageSize", "1001", "InvalidParameter", 400)]
    [InlineData("Status", "Broken", "InvalidParameter", 400)]
    [InlineData("Type", "Tertiary", "InvalidParameter", 400)]
    [InlineData("PrimaryIpAddress", "1.2.3", "InvalidParameter", 400)]
    [InlineData("PrivateIpAddress.1", "1.2.3.4.5", "InvalidParameter", 400)]
    [InlineData("MaxResults", "-1", "InvalidParameter", 400)]
    [InlineData("NextToken", "abc", "InvalidParameter", 400)]
    [InlineData("RegionId", "cn-nowhere", "InvalidRegionId.NotFound", 404)]
    public async Task Describe_Rejects_InvalidParameter(string name, string value, string code, int status)
    {
        var client = await shared.NewClientAsync();
        (string Key, string Value)[] parameters = name == "RegionId" ? [(name, value)] : [("RegionId", Region), (name, value)];
        (await client.Ecs("DescribeNetworkInterfaces", parameters)).Error(code, status);
    }

    [Fact]
    public async Task Describe_Rejects_MissingRegion_AndMoreThan100Ids()
    {
        var client = await shared.NewClientAsync();
        (await client.Ecs("DescribeNetworkInterfaces")).Error("MissingParameter", 400);
        var ids = Enumerable.Range(1, 101).Select(i => ($"NetworkInterfaceId.{i}", $"eni-{i:D20}")).ToArray();
        (await client.Ecs("DescribeNetworkInterfaces", [("RegionId", Region), .. ids])).Error("InvalidParameter", 400);
    }
}
