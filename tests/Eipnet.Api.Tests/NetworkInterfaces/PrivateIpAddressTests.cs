using Eipnet.Api.Tests.Infrastructure;
using Eipnet.Domain.Resources;

namespace Eipnet.Api.Tests.NetworkInterfaces;

public sealed class PrivateIpAddressTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private const string Region = Fixtures.Region;

    private async Task<(RpcTestClient Client, TestNetwork Net)> SetUpAsync(string vSwitchCidr = "192.168.1.0/24")
    {
        var client = await shared.NewClientAsync();
        return (client, await Fixtures.NetworkAsync(shared.Server, client, vSwitchCidr));
    }

    private static Task<RpcResult> AssignAsync(RpcTestClient client, string eniId, params (string Key, string Value)[] extra) =>
        client.Ecs("AssignPrivateIpAddresses", [("RegionId", Region), ("NetworkInterfaceId", eniId), .. extra]);

    private static Task<RpcResult> UnassignAsync(RpcTestClient client, string eniId, params string[] ips) =>
        client.Ecs("UnassignPrivateIpAddresses",
            [("RegionId", Region), ("NetworkInterfaceId", eniId), .. ips.Select((ip, i) => ($"PrivateIpAddress.{i + 1}", ip))]);

    private static async Task<string[]> PrivateIpsAsync(RpcTestClient client, string eniId) =>
        Fixtures.List((await Fixtures.DescribeEniAsync(client, eniId))!.Value, "PrivateIpSets", "PrivateIpSet")
            .Select(p => p.GetProperty("PrivateIpAddress").GetString()!).ToArray();

    [Fact]
    public async Task Assign_AddsRequestedAddresses_AndReportsThem()
    {
        var (client, net) = await SetUpAsync();
        var eniId = await Fixtures.EniAsync(client, net);

        var body = (await AssignAsync(client, eniId, ("PrivateIpAddress.1", "192.168.1.50"), ("PrivateIpAddress.2", "192.168.1.51"))).Success();

        var set = body.GetProperty("AssignedPrivateIpAddressesSet");
        Assert.Equal(eniId, set.GetProperty("NetworkInterfaceId").GetString());
        Assert.Equal(["192.168.1.50", "192.168.1.51"], Fixtures.List(set, "PrivateIpSet", "PrivateIpAddress").Select(a => a.GetString()));
        Assert.Empty(Fixtures.List(set, "Ipv4PrefixSet", "Ipv4Prefixes"));
        Assert.Equal(["192.168.1.2", "192.168.1.50", "192.168.1.51"], await PrivateIpsAsync(client, eniId));
    }

    [Fact]
    public async Task Assign_AddsLowestFreeAddresses_ForACount_OnAnAttachedEni()
    {
        var (client, net) = await SetUpAsync();
        var instanceId = await Fixtures.InstanceAsync(client, net);
        var eniId = await Fixtures.EniAsync(client, net);
        await Fixtures.AttachAsync(client, eniId, instanceId);

        var body = (await AssignAsync(client, eniId, ("SecondaryPrivateIpAddressCount", "2"))).Success();

        Assert.Equal(["192.168.1.4", "192.168.1.5"], Fixtures.List(body.GetProperty("AssignedPrivateIpAddressesSet"), "PrivateIpSet", "PrivateIpAddress").Select(a => a.GetString()));
        Assert.Equal(["192.168.1.3", "192.168.1.4", "192.168.1.5"], await PrivateIpsAsync(client, eniId));
    }

    [Fact]
    public async Task Assign_AddsAddressesToPrimaryEniOfStoppedInstance()
    {
        var (client, net) = await SetUpAsync();
        var instanceId = await Fixtures.InstanceAsync(client, net, stopped: true);
        var primary = (await Fixtures.DescribeInstanceAsync(client, instanceId))!.Value
            .GetProperty("NetworkInterfaces").GetProperty("NetworkInterface")[0].GetProperty("NetworkInterfaceId").GetString()!;

        (await AssignAsync(client, primary, ("SecondaryPrivateIpAddressCount", "1"))).Success();

        Assert.Equal(["192.168.1.2", "192.168.1.3"], await PrivateIpsAsync(client, primary));
    }

    [Fact]
    public async Task Assign_Rejects_BothForms_OrNeither()
    {
        var (client, net) = await SetUpAsync();
        var eniId = await Fixtures.EniAsync(client, net);

        (await AssignAsync(client, eniId, ("PrivateIpAddress.1", "192.168.1.50"), ("SecondaryPrivateIpAddressCount", "1"))).Error("InvalidParameter.Conflict", 400);
        (await AssignAsync(client, eniId)).Error("MissingParameter", 400);

        Assert.Equal(["192.168.1.2"], await PrivateIpsAsync(client, eniId));
    }

    [Theory]
    [InlineData("SecondaryPrivateIpAddressCount", "0")]
    [InlineData("SecondaryPrivateIpAddressCount", "50")]
    [InlineData("PrivateIpAddress.1", "192.168.1.x")]
    public async Task Assign_Rejects_InvalidValue(string name, string value)
    {
        var (client, net) = await SetUpAsync();
        var eniId = await Fixtures.EniAsync(client, net);

        (await AssignAsync(client, eniId, (name, value))).Error("InvalidParameter", 400);
    }

    [Fact]
    public async Task Assign_Rejects_AddressInUse_AndLeavesTheEniUnchanged()
    {
        var (client, net) = await SetUpAsync();
        var eniId = await Fixtures.EniAsync(client, net);
        var other = await Fixtures.EniAsync(client, net);

        (await AssignAsync(client, eniId, ("PrivateIpAddress.1", "192.168.1.60"), ("PrivateIpAddress.2", "192.168.1.3"))).Error("InvalidIp.IpAssigned", 403);
        (await AssignAsync(client, eniId, ("PrivateIpAddress.1", "192.168.1.2"))).Error("InvalidIp.IpAssigned", 403);

        Assert.Equal(["192.168.1.2"], await PrivateIpsAsync(client, eniId));
        Assert.Equal(["192.168.1.3"], await PrivateIpsAsync(client, other));
        // 192.168.1.60 was not kept by the failed call.
        (await AssignAsync(client, eniId, ("PrivateIpAddress.1", "192.168.1.60"))).Success();
    }

    [Fact]
    public async Task Assign_Rejects_RepeatedAddress()
    {
        var (client, net) = await SetUpAsync();
        var eniId = await Fixtures.EniAsync(client, net);

        (await AssignAsync(client, eniId, ("PrivateIpAddress.1", "192.168.1.60"), ("PrivateIpAddress.2", "192.168.1.60"))).Error("InvalidIp.IpRepeated", 403);
    }

    [Theory]
    [InlineData("172.16.0.9")]
    [InlineData("192.168.1.1")]
    [InlineData("192.168.1.255")]
    public async Task Assign_Rejects_AddressNotAssignableInVSwitch(string ip)
    {
        var (client, net) = await SetUpAsync();
        var eniId = await Fixtures.EniAsync(client, net);

        (await AssignAsync(client, eniId, ("PrivateIpAddress.1", ip))).Error("InvalidVSwitchId.IpInvalid", 403);
    }

    [Fact]
    public async Task Assign_Rejects_WhenVSwitchIsFull()
    {
        var (client, net) = await SetUpAsync("192.168.1.0/29");
        var eniId = await Fixtures.EniAsync(client, net, secondaryIps: 1);

        (await AssignAsync(client, eniId, ("SecondaryPrivateIpAddressCount", "2"))).Error("InvalidVSwitchId.IpNotEnough", 403);

        Assert.Equal(2, (await PrivateIpsAsync(client, eniId)).Length);
    }

    [Fact]
    public async Task Assign_Rejects_MoreThan49SecondaryAddresses_OnAnUnattachedEni()
    {
        var (client, net) = await SetUpAsync();
        var eniId = await Fixtures.EniAsync(client, net, secondaryIps: 10);

        (await AssignAsync(client, eniId, ("SecondaryPrivateIpAddressCount", "40"))).Error("InvalidOperation.Ipv4CountExceeded", 403);
        (await AssignAsync(client, eniId, ("SecondaryPrivateIpAddressCount", "39"))).Success();
    }

    [Fact]
    public async Task Assign_Rejects_MoreAddressesThanTheInstanceTypeAllows_WhenAttached()
    {
        // ecs.g7.large: 6 private IPs per ENI.
        var (client, net) = await SetUpAsync();
        var instanceId = await Fixtures.InstanceAsync(client, net);
        var eniId = await Fixtures.EniAsync(client, net, secondaryIps: 2);
        await Fixtures.AttachAsync(client, eniId, instanceId);

        (await AssignAsync(client, eniId, ("SecondaryPrivateIpAddressCount", "4"))).Error("InvalidOperation.Ipv4CountExceeded", 403);

        Assert.Equal(3, (await PrivateIpsAsync(client, eniId)).Length);
        (await AssignAsync(client, eniId, ("SecondaryPrivateIpAddressCount", "3"))).Success();
    }

    [Fact]
    public async Task Assign_Rejects_EniInTransition()
    {
        var (client, net) = await SetUpAsync();
        var eniId = await Fixtures.EniAsync(client, net);
        await Fixtures.PinEniStatusAsync(shared.Server, eniId, EniStatus.Attaching);

        (await AssignAsync(client, eniId, ("SecondaryPrivateIpAddressCount", "1"))).Error("InvalidOperation.InvalidEniState", 400);
        (await UnassignAsync(client, eniId, "192.168.1.9")).Error("InvalidOperation.InvalidEniState", 400);
    }

    [Fact]
    public async Task Assign_Rejects_PrimaryEniOfInstanceInTransition()
    {
        var (client, net) = await SetUpAsync();
        var instanceId = await Fixtures.InstanceAsync(client, net);
        var primary = (await Fixtures.DescribeInstanceAsync(client, instanceId))!.Value
            .GetProperty("NetworkInterfaces").GetProperty("NetworkInterface")[0].GetProperty("NetworkInterfaceId").GetString()!;
        await Fixtures.PinInstanceStatusAsync(shared.Server, instanceId, InstanceStatus.Stopping);

        (await AssignAsync(client, primary, ("SecondaryPrivateIpAddressCount", "1"))).Error("InvalidOperation.InvalidEcsState", 400);
    }

    [Fact]
    public async Task AssignAndUnassign_Reject_AnotherAccountsEni()
    {
        var (client, net) = await SetUpAsync();
        var eniId = await Fixtures.EniAsync(client, net, secondaryIps: 1);
        var other = await shared.NewClientAsync();

        (await AssignAsync(other, eniId, ("SecondaryPrivateIpAddressCount", "1"))).Error("InvalidEniId.NotFound", 404);
        (await UnassignAsync(other, eniId, "192.168.1.3")).Error("InvalidEniId.NotFound", 404);

        Assert.Equal(["192.168.1.2", "192.168.1.3"], await PrivateIpsAsync(client, eniId));
    }

    [Fact]
    public async Task Unassign_RemovesSecondaryAddresses_AndFreesThem()
    {
        var (client, net) = await SetUpAsync();
        var eniId = await Fixtures.EniAsync(client, net, secondaryIps: 3);

        (await UnassignAsync(client, eniId, "192.168.1.3", "192.168.1.5")).Success();

        Assert.Equal(["192.168.1.2", "192.168.1.4"], await PrivateIpsAsync(client, eniId));
        var other = await Fixtures.EniAsync(client, net);
        Assert.Equal(["192.168.1.3"], await PrivateIpsAsync(client, other));
    }

    [Fact]
    public async Task Unassign_Rejects_PrimaryAddress_OrAddressNotOnTheEni()
    {
        var (client, net) = await SetUpAsync();
        var eniId = await Fixtures.EniAsync(client, net, secondaryIps: 1);

        (await UnassignAsync(client, eniId, "192.168.1.2")).Error("InvalidIp.IpUnassigned", 403);
        (await UnassignAsync(client, eniId, "192.168.1.3", "192.168.1.99")).Error("InvalidIp.IpUnassigned", 403);

        Assert.Equal(["192.168.1.2", "192.168.1.3"], await PrivateIpsAsync(client, eniId));
    }

    [Fact]
    public async Task Unassign_Rejects_AddressWithEip_UntilItIsUnassociated()
    {
        var (client, net) = await SetUpAsync();
        var eniId = await Fixtures.EniAsync(client, net, secondaryIps: 1);
        var (allocationId, _) = await Fixtures.EipAsync(client);
        await Fixtures.AssociateAsync(client, allocationId, eniId, privateIp: "192.168.1.3");

        var result = (await UnassignAsync(client, eniId, "192.168.1.3")).Error("InvalidOperation.EniLinked", 400);

        Assert.Contains(allocationId, result.Body.GetProperty("Message").GetString());
        Assert.Equal(["192.168.1.2", "192.168.1.3"], await PrivateIpsAsync(client, eniId));
        (await client.Vpc("UnassociateEipAddress", ("RegionId", Region), ("AllocationId", allocationId))).Success();
        await Fixtures.WaitForEipAsync(client, allocationId, "Available");
        (await UnassignAsync(client, eniId, "192.168.1.3")).Success();
    }

    [Fact]
    public async Task Unassign_Rejects_MissingOrMalformedAddresses()
    {
        var (client, net) = await SetUpAsync();
        var eniId = await Fixtures.EniAsync(client, net, secondaryIps: 1);

        (await UnassignAsync(client, eniId)).Error("MissingParameter", 400);
        (await UnassignAsync(client, eniId, "192.168.1.3.4")).Error("InvalidParameter", 400);
        (await client.Ecs("UnassignPrivateIpAddresses", ("RegionId", Region), ("PrivateIpAddress.1", "192.168.1.3"))).Error("MissingParameter", 400);
    }
}
