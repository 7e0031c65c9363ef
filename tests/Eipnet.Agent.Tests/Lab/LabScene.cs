using System.Text.Json;
using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Agent.Tests.Lab;

/// <summary>One account's network in a lab: a VPC (its own /16 of 10.0.0.0/8), a vSwitch (the .1.0/24 of it) and a
/// security group that allows the probe ports (TCP 8080, UDP 8081) from anywhere, plus helpers to make instances, ENIs
/// and EIPs through the API.</summary>
public sealed class LabScene(LabServer lab, RpcTestClient client, TestNetwork net, int secondOctet)
{
    public const int TcpPort = 8080, UdpPort = 8081;

    public LabServer Lab => lab;
    public RpcTestClient Client => client;
    public TestNetwork Net => net;
    public string VSwitchCidr => $"10.{secondOctet}.1.0/24";

    public static async Task<LabScene> CreateAsync(LabServer lab, int secondOctet = 10, bool openPorts = true)
    {
        var client = await lab.NewClientAsync();
        var vpcId = await Fixtures.VpcAsync(client, $"10.{secondOctet}.0.0/16");
        var vSwitchId = await Fixtures.VSwitchAsync(client, vpcId, $"10.{secondOctet}.1.0/24");
        var groupId = await Fixtures.SecurityGroupAsync(lab.Server, client, vpcId);
        var scene = new LabScene(lab, client, new TestNetwork(vpcId, vSwitchId, groupId), secondOctet);
        if (openPorts)
        {
            await scene.AllowAsync(groupId, "TCP", $"{TcpPort}/{TcpPort}");
            await scene.AllowAsync(groupId, "UDP", $"{UdpPort}/{UdpPort}");
        }
        return scene;
    }

    /// <summary>Adds an inbound rule to a group.</summary>
    public async Task AllowAsync(string groupId, string protocol, string portRange, string source = "0.0.0.0/0", string policy = "accept", int priority = 1)
    {
        (await client.Ecs("AuthorizeSecurityGroup", ("RegionId", Fixtures.Region), ("SecurityGroupId", groupId), ("IpProtocol", protocol),
            ("PortRange", portRange), ("SourceCidrIp", source), ("Policy", policy), ("Priority", priority.ToString(System.Globalization.CultureInfo.InvariantCulture)))).Success();
    }

    /// <summary>A running instance; returns its id, its primary ENI and that ENI's private IP.</summary>
    public async Task<(string InstanceId, string EniId, string PrivateIp)> InstanceAsync()
    {
        var id = await Fixtures.InstanceAsync(client, net);
        var body = (await client.Ecs("DescribeNetworkInterfaces", ("RegionId", Fixtures.Region), ("InstanceId", id), ("Type", "Primary"))).Success();
        var eni = body.GetProperty("NetworkInterfaceSets").GetProperty("NetworkInterfaceSet")[0];
        return (id, eni.GetProperty("NetworkInterfaceId").GetString()!, eni.GetProperty("PrivateIpAddress").GetString()!);
    }

    /// <summary>A secondary ENI with that many extra private IPs; returns its id and all its private IPs, primary first.</summary>
    public async Task<(string EniId, IReadOnlyList<string> PrivateIps)> EniAsync(int secondaryIps = 0)
    {
        var id = await Fixtures.EniAsync(client, net, secondaryIps);
        var eni = (await Fixtures.DescribeEniAsync(client, id))!.Value;
        var ips = eni.GetProperty("PrivateIpSets").GetProperty("PrivateIpSet").EnumerateArray()
            .OrderByDescending(p => p.GetProperty("Primary").GetBoolean())
            .Select(p => p.GetProperty("PrivateIpAddress").GetString()!).ToList();
        return (id, ips);
    }

    public async Task<(string AllocationId, string IpAddress)> EipAsync() => await Fixtures.EipAsync(client);

    public Task AssociateAsync(string allocationId, string targetId, string targetType = "NetworkInterface", string mode = "NAT", string? privateIp = null) =>
        Fixtures.AssociateAsync(client, allocationId, targetId, targetType, mode, privateIp);

    public async Task UnassociateAsync(string allocationId, string targetId, string targetType = "NetworkInterface")
    {
        (await client.Vpc("UnassociateEipAddress", ("RegionId", Fixtures.Region), ("AllocationId", allocationId), ("InstanceId", targetId), ("InstanceType", targetType))).Success();
        await Fixtures.WaitForEipAsync(client, allocationId, "Available");
    }

    public async Task DetachAsync(string eniId, string instanceId)
    {
        (await client.Ecs("DetachNetworkInterface", ("RegionId", Fixtures.Region), ("NetworkInterfaceId", eniId), ("InstanceId", instanceId))).Success();
        await Fixtures.WaitForEniAsync(client, eniId, "Available");
    }

    public Task AttachAsync(string eniId, string instanceId) => Fixtures.AttachAsync(client, eniId, instanceId);

    public static string Json(JsonElement e) => e.GetRawText();
}
