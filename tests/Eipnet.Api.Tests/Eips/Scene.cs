using System.Globalization;
using System.Text.Json;
using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Eips;

/// <summary>One account's network in one region (VPC, vSwitch, security group), with helpers to make the ENIs and EIPs
/// an association scenario needs. Unlike <see cref="Fixtures"/> it works in any region of the catalog.</summary>
public sealed class Scene
{
    private Scene(TestServer server, RpcTestClient client, string region, string vSwitchId, string securityGroupId)
    {
        Server = server;
        Client = client;
        Region = region;
        VSwitchId = vSwitchId;
        SecurityGroupId = securityGroupId;
    }

    public TestServer Server { get; }
    public RpcTestClient Client { get; }
    public string Region { get; }
    public string VSwitchId { get; }
    public string SecurityGroupId { get; }

    public static async Task<Scene> StartAsync(TestServer server, string region = "cn-shenzhen", bool multiEip = true)
    {
        var c = await server.NewClientAsync(multiEip, eipQuota: 100);
        var zone = (await c.Vpc("DescribeZones", ("RegionId", region))).Success().GetProperty("Zones").GetProperty("Zone")[0].GetProperty("ZoneId").GetString()!;
        var vpc = (await c.Vpc("CreateVpc", ("RegionId", region), ("CidrBlock", "10.0.0.0/16"))).Success().GetProperty("VpcId").GetString()!;
        var vsw = (await c.Vpc("CreateVSwitch", ("RegionId", region), ("VpcId", vpc), ("ZoneId", zone), ("CidrBlock", "10.0.1.0/24"))).Success().GetProperty("VSwitchId").GetString()!;
        var sg = (await c.Ecs("CreateSecurityGroup", ("RegionId", region), ("VpcId", vpc), ("SecurityGroupName", "scene"))).Success().GetProperty("SecurityGroupId").GetString()!;
        return new Scene(server, c, region, vsw, sg);
    }

    public (string, string) RegionId => ("RegionId", Region);

    /// <summary>A Running instance of the type; returns its id and its primary ENI's id.</summary>
    public async Task<(string InstanceId, string PrimaryEniId)> InstanceAsync(string type = "ecs.g7.xlarge")
    {
        var id = (await Client.Ecs("RunInstances", RegionId, ("InstanceType", type), ("ImageId", "img"), ("VSwitchId", VSwitchId), ("SecurityGroupId", SecurityGroupId)))
            .Success().GetProperty("InstanceIdSets").GetProperty("InstanceIdSet")[0].GetString()!;
        var instance = await WaitAsync($"instance {id} Running", async () =>
        {
            var list = (await Client.Ecs("DescribeInstances", RegionId, ("InstanceIds", $"[\"{id}\"]"))).Success().GetProperty("Instances").GetProperty("Instance");
            return list.GetArrayLength() == 1 && list[0].GetProperty("Status").GetString() == "Running" ? list[0] : null;
        });
        return (id, instance.GetProperty("NetworkInterfaces").GetProperty("NetworkInterface")[0].GetProperty("NetworkInterfaceId").GetString()!);
    }

    public async Task<string> EniAsync(int secondaryIps = 0)
    {
        (string, string)[] p = [RegionId, ("VSwitchId", VSwitchId), ("SecurityGroupId", SecurityGroupId)];
        if (secondaryIps > 0)
            p = [.. p, ("SecondaryPrivateIpAddressCount", secondaryIps.ToString(CultureInfo.InvariantCulture))];
        return (await Client.Ecs("CreateNetworkInterface", p)).Success().GetProperty("NetworkInterfaceId").GetString()!;
    }

    public async Task<JsonElement> EniViewAsync(string eniId) =>
        (await Client.Ecs("DescribeNetworkInterfaces", RegionId, ("NetworkInterfaceId.1", eniId))).Success()
            .GetProperty("NetworkInterfaceSets").GetProperty("NetworkInterfaceSet")[0];

    public async Task<string[]> PrivateIpsAsync(string eniId) =>
        (await EniViewAsync(eniId)).GetProperty("PrivateIpSets").GetProperty("PrivateIpSet").EnumerateArray()
            .Select(p => p.GetProperty("PrivateIpAddress").GetString()!).ToArray();

    public async Task AttachAsync(string eniId, string instanceId)
    {
        (await Client.Ecs("AttachNetworkInterface", RegionId, ("NetworkInterfaceId", eniId), ("InstanceId", instanceId))).Success();
        await WaitAsync($"ENI {eniId} InUse", async () => (await EniViewAsync(eniId)) is var e && e.GetProperty("Status").GetString() == "InUse" ? e : null);
    }

    public async Task DetachAsync(string eniId, string instanceId)
    {
        (await Client.Ecs("DetachNetworkInterface", RegionId, ("NetworkInterfaceId", eniId), ("InstanceId", instanceId))).Success();
        await WaitAsync($"ENI {eniId} Available", async () => (await EniViewAsync(eniId)) is var e && e.GetProperty("Status").GetString() == "Available" ? e : null);
    }

    public async Task<string> EipAsync() =>
        (await Client.Vpc("AllocateEipAddress", RegionId)).Success().GetProperty("AllocationId").GetString()!;

    public Task<RpcResult> AssociateAsync(string eip, string target, string mode = "NAT", string type = "NetworkInterface", string? privateIp = null)
    {
        (string, string)[] p = [RegionId, ("AllocationId", eip), ("InstanceId", target), ("InstanceType", type), ("Mode", mode)];
        if (privateIp is not null)
            p = [.. p, ("PrivateIpAddress", privateIp)];
        return Client.Vpc("AssociateEipAddress", p);
    }

    /// <summary>Allocates an EIP, associates it and waits until it is InUse; fails the test if the association is refused.</summary>
    public async Task<string> BoundEipAsync(string target, string mode = "NAT", string type = "NetworkInterface", string? privateIp = null)
    {
        var eip = await EipAsync();
        (await AssociateAsync(eip, target, mode, type, privateIp)).Success();
        await WaitForEipAsync(eip, "InUse");
        return eip;
    }

    public async Task<JsonElement> EipViewAsync(string eip) =>
        (await Client.Vpc("DescribeEipAddresses", RegionId, ("AllocationId", eip))).Success().GetProperty("EipAddresses").GetProperty("EipAddress")[0];

    public Task<JsonElement> WaitForEipAsync(string eip, string status) =>
        WaitAsync($"EIP {eip} {status}", async () => (await EipViewAsync(eip)) is var e && e.GetProperty("Status").GetString() == status ? e : null);

    private static async Task<JsonElement> WaitAsync(string what, Func<Task<JsonElement?>> probe)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(5);
        while (true)
        {
            if (await probe() is { } done)
                return done;
            if (DateTimeOffset.UtcNow > deadline)
                Assert.Fail($"Timed out after 5 s waiting for {what}");
            await Task.Delay(10);
        }
    }
}
