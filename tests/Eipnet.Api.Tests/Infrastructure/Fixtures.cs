using System.Text.Json;
using Eipnet.Domain.Resources;
using Eipnet.Store;

namespace Eipnet.Api.Tests.Infrastructure;

/// <summary>Resources tests build on, made through the API, and waits for the states the reconciler reaches.</summary>
/// <remarks>Every helper asserts success, so a test reads as its own scenario. Defaults: region cn-hangzhou, zone
/// cn-hangzhou-i, VPC 192.168.0.0/16, vSwitch 192.168.1.0/24 (first assignable address 192.168.1.2), type ecs.g7.large
/// (3 ENIs x 6 private IPs).</remarks>
public static class Fixtures
{
    public const string Region = RpcTestClient.Region;
    public const string Zone = "cn-hangzhou-i";
    public const string OtherZone = "cn-hangzhou-h";
    public const string InstanceType = "ecs.g7.large";

    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(15); // a condition, not a sleep: a loaded machine may take long
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(20);

    public static async Task<string> VpcAsync(RpcTestClient client, string cidr = "192.168.0.0/16") =>
        (await client.Vpc("CreateVpc", ("RegionId", Region), ("CidrBlock", cidr))).Success().GetProperty("VpcId").GetString()!;

    public static async Task<string> VSwitchAsync(RpcTestClient client, string vpcId, string cidr = "192.168.1.0/24", string zoneId = Zone) =>
        (await client.Vpc("CreateVSwitch", ("RegionId", Region), ("VpcId", vpcId), ("ZoneId", zoneId), ("CidrBlock", cidr)))
            .Success().GetProperty("VSwitchId").GetString()!;

    /// <summary>A security group in the VPC, made with CreateSecurityGroup.</summary>
    /// <remarks>The server parameter is unused: it dates from before CreateSecurityGroup existed, when the group was
    /// written to the store, and is kept so that callers written against that version still compile.</remarks>
    public static async Task<string> SecurityGroupAsync(TestServer server, RpcTestClient client, string vpcId) =>
        (await client.Ecs("CreateSecurityGroup", ("RegionId", Region), ("VpcId", vpcId), ("SecurityGroupName", "test-group")))
            .Success().GetProperty("SecurityGroupId").GetString()!;

    /// <summary>A VPC with one vSwitch and one security group.</summary>
    public static async Task<TestNetwork> NetworkAsync(TestServer server, RpcTestClient client, string vSwitchCidr = "192.168.1.0/24")
    {
        var vpcId = await VpcAsync(client);
        var vSwitchId = await VSwitchAsync(client, vpcId, vSwitchCidr);
        return new TestNetwork(vpcId, vSwitchId, await SecurityGroupAsync(server, client, vpcId));
    }

    /// <summary>Runs one instance in the network's vSwitch and waits until it is Running (or, with stopped, Stopped).</summary>
    public static async Task<string> InstanceAsync(RpcTestClient client, TestNetwork net, string instanceType = InstanceType, bool stopped = false,
        params (string Key, string Value)[] extra)
    {
        var run = await client.Ecs("RunInstances", [("RegionId", Region), ("InstanceType", instanceType), ("ImageId", "ubuntu_22_04_x64"),
            ("VSwitchId", net.VSwitchId), ("SecurityGroupId", net.SecurityGroupId), .. extra]);
        var id = run.Success().GetProperty("InstanceIdSets").GetProperty("InstanceIdSet")[0].GetString()!;
        await WaitForInstanceAsync(client, id, "Running");
        if (stopped)
        {
            (await client.Ecs("StopInstance", ("InstanceId", id))).Success();
            await WaitForInstanceAsync(client, id, "Stopped");
        }
        return id;
    }

    /// <summary>Creates a secondary ENI in the network (or in <paramref name="vSwitchId"/>) with that many automatic secondary IPs.</summary>
    public static async Task<string> EniAsync(RpcTestClient client, TestNetwork net, int secondaryIps = 0, string? vSwitchId = null, string? securityGroupId = null)
    {
        (string, string)[] parameters = [("RegionId", Region), ("VSwitchId", vSwitchId ?? net.VSwitchId), ("SecurityGroupId", securityGroupId ?? net.SecurityGroupId)];
        if (secondaryIps > 0)
            parameters = [.. parameters, ("SecondaryPrivateIpAddressCount", secondaryIps.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        return (await client.Ecs("CreateNetworkInterface", parameters)).Success().GetProperty("NetworkInterfaceId").GetString()!;
    }

    /// <summary>Attaches the ENI and waits until it is InUse.</summary>
    public static async Task AttachAsync(RpcTestClient client, string eniId, string instanceId)
    {
        (await client.Ecs("AttachNetworkInterface", ("RegionId", Region), ("NetworkInterfaceId", eniId), ("InstanceId", instanceId))).Success();
        await WaitForEniAsync(client, eniId, "InUse");
    }

    /// <summary>Allocates an EIP; returns its allocation id and address.</summary>
    public static async Task<(string AllocationId, string IpAddress)> EipAsync(RpcTestClient client)
    {
        var body = (await client.Vpc("AllocateEipAddress", ("RegionId", Region))).Success();
        return (body.GetProperty("AllocationId").GetString()!, body.GetProperty("EipAddress").GetString()!);
    }

    /// <summary>Associates the EIP (InstanceType EcsInstance or NetworkInterface) and waits until it is InUse.</summary>
    public static async Task AssociateAsync(RpcTestClient client, string allocationId, string targetId, string targetType = "NetworkInterface",
        string mode = "NAT", string? privateIp = null)
    {
        (string, string)[] parameters = [("RegionId", Region), ("AllocationId", allocationId), ("InstanceId", targetId), ("InstanceType", targetType), ("Mode", mode)];
        if (privateIp is not null)
            parameters = [.. parameters, ("PrivateIpAddress", privateIp)];
        (await client.Vpc("AssociateEipAddress", parameters)).Success();
        await WaitForEipAsync(client, allocationId, "InUse");
    }

    /// <summary>The instance as DescribeInstances shows it, or null when it does not exist.</summary>
    public static async Task<JsonElement?> DescribeInstanceAsync(RpcTestClient client, string instanceId)
    {
        var body = (await client.Ecs("DescribeInstances", ("RegionId", Region), ("InstanceIds", $"[\"{instanceId}\"]"))).Success();
        return First(body.GetProperty("Instances").GetProperty("Instance"));
    }

    /// <summary>The ENI as DescribeNetworkInterfaces shows it, or null when it does not exist.</summary>
    public static async Task<JsonElement?> DescribeEniAsync(RpcTestClient client, string eniId)
    {
        var body = (await client.Ecs("DescribeNetworkInterfaces", ("RegionId", Region), ("NetworkInterfaceId.1", eniId))).Success();
        return First(body.GetProperty("NetworkInterfaceSets").GetProperty("NetworkInterfaceSet"));
    }

    /// <summary>The EIP as DescribeEipAddresses shows it, or null when it does not exist.</summary>
    public static async Task<JsonElement?> DescribeEipAsync(RpcTestClient client, string allocationId)
    {
        var body = (await client.Vpc("DescribeEipAddresses", ("RegionId", Region), ("AllocationId", allocationId))).Success();
        return First(body.GetProperty("EipAddresses").GetProperty("EipAddress"));
    }

    public static Task<JsonElement> WaitForInstanceAsync(RpcTestClient client, string instanceId, string status) =>
        WaitForAsync($"instance {instanceId} {status}", () => DescribeInstanceAsync(client, instanceId), i => i.GetProperty("Status").GetString() == status);

    public static Task<JsonElement> WaitForEniAsync(RpcTestClient client, string eniId, string status) =>
        WaitForAsync($"ENI {eniId} {status}", () => DescribeEniAsync(client, eniId), n => n.GetProperty("Status").GetString() == status);

    public static Task<JsonElement> WaitForEipAsync(RpcTestClient client, string allocationId, string status) =>
        WaitForAsync($"EIP {allocationId} {status}", () => DescribeEipAsync(client, allocationId), e => e.GetProperty("Status").GetString() == status);

    /// <summary>Polls <paramref name="probe"/> every 20 ms until <paramref name="done"/> holds; fails after 15 s naming <paramref name="expected"/>.</summary>
    public static async Task<JsonElement> WaitForAsync(string expected, Func<Task<JsonElement?>> probe, Func<JsonElement, bool> done)
    {
        var deadline = DateTimeOffset.UtcNow + WaitLimit;
        while (true)
        {
            var seen = await probe();
            if (seen is { } item && done(item))
                return item;
            if (DateTimeOffset.UtcNow > deadline)
                Assert.Fail($"Timed out after {WaitLimit.TotalSeconds:0} s waiting for {expected}; last seen: {seen?.GetRawText() ?? "nothing"}");
            await Task.Delay(PollEvery);
        }
    }

    /// <summary>Pins an instance in a status the API shows only for a moment (Pending, Starting, Stopping), for state-rule tests.</summary>
    /// <remarks>The revision is set beyond anything the reconciler applies, so it never ends the transition.</remarks>
    public static Task PinInstanceStatusAsync(TestServer server, string instanceId, InstanceStatus status) =>
        RewriteAsync<Instance>(server, instanceId, i => i with { Status = status, Revision = long.MaxValue });

    /// <summary>Pins an ENI in Attaching or Detaching, as <see cref="PinInstanceStatusAsync"/> does for instances.</summary>
    public static Task PinEniStatusAsync(TestServer server, string eniId, EniStatus status) =>
        RewriteAsync<NetworkInterface>(server, eniId, n => n with { Status = status, Revision = long.MaxValue });

    /// <summary>The items of a twice-wrapped list, e.g. List(body, "Instances", "Instance").</summary>
    public static JsonElement[] List(JsonElement body, string outer, string inner) =>
        body.GetProperty(outer).GetProperty(inner).EnumerateArray().ToArray();

    private static JsonElement? First(JsonElement array) => array.GetArrayLength() == 0 ? null : array[0];

    private static Task RewriteAsync<T>(TestServer server, string id, Func<T, T> change) where T : class =>
        server.Server.Store.WriteAsync(WriteScope.None, async s =>
        {
            var item = await s.GetAsync<T>(id) ?? throw new InvalidOperationException($"{typeof(T).Name} {id} does not exist.");
            await s.PutAsync(change(item), forDataPlane: false);
            return 0;
        }, CancellationToken.None);
}
