using System.Globalization;
using System.Text.Json;
using Eipnet.Api.Catalog;
using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Agent.Tests.Lab;

/// <summary>One account's network in a lab, in the lab's region (cn-shanghai, which offers all three association modes): a
/// VPC (a /16: by default its own of 10.0.0.0/8, or any, shared with other tenants), a vSwitch (the .1.0/24 of it) and a security group that allows the probe ports (TCP
/// 8080, UDP 8081) from anywhere, plus helpers that make instances, ENIs and EIPs through the API and wait for them.</summary>
public sealed class LabScene(LabServer lab, RpcTestClient client, TestNetwork net, string network)
{
    public const int TcpPort = 8080, UdpPort = 8081;
    public const string Region = LabCatalog.DefaultRegion, Zone = "cn-shanghai-b";

    public LabServer Lab => lab;
    public RpcTestClient Client => client;
    public TestNetwork Net => net;
    public string VSwitchCidr => $"{network}.1.0/24";

    /// <summary>The namespace of this scene's VPC router (its ENIs' host ends, its nft table, its conntrack).</summary>
    public string Router => lab.Topology.Options.Plan.RouterNamespace(net.VpcId);

    public static Task<LabScene> CreateAsync(LabServer lab, int secondOctet = 10, bool openPorts = true, RpcTestClient? client = null) =>
        CreateAsync(lab, $"10.{secondOctet}", openPorts, client);

    /// <summary>A scene whose VPC is <paramref name="network"/>.0.0/16 (two octets, e.g. "192.168"), its vSwitch the .1.0/24 of it.</summary>
    public static async Task<LabScene> CreateAsync(LabServer lab, string network, bool openPorts = true, RpcTestClient? client = null)
    {
        client ??= await lab.NewClientAsync();
        var vpcId = (await client.Vpc("CreateVpc", ("RegionId", Region), ("CidrBlock", $"{network}.0.0/16"))).Success().GetProperty("VpcId").GetString()!;
        var vSwitchId = (await client.Vpc("CreateVSwitch", ("RegionId", Region), ("VpcId", vpcId), ("ZoneId", Zone), ("CidrBlock", $"{network}.1.0/24")))
            .Success().GetProperty("VSwitchId").GetString()!;
        var scene = new LabScene(lab, client, new TestNetwork(vpcId, vSwitchId, ""), network);
        var groupId = await scene.SecurityGroupAsync();
        scene = new LabScene(lab, client, scene.Net with { SecurityGroupId = groupId }, network);
        if (openPorts)
        {
            await scene.AllowAsync(groupId, "TCP", $"{TcpPort}/{TcpPort}");
            await scene.AllowAsync(groupId, "UDP", $"{UdpPort}/{UdpPort}");
        }
        return scene;
    }

    /// <summary>A new security group in the scene's VPC, with no rules.</summary>
    public async Task<string> SecurityGroupAsync() =>
        (await client.Ecs("CreateSecurityGroup", ("RegionId", Region), ("VpcId", net.VpcId))).Success().GetProperty("SecurityGroupId").GetString()!;

    /// <summary>Adds an inbound rule to a group (a CIDR source, or a source group when <paramref name="sourceGroupId"/> is set).</summary>
    public async Task AllowAsync(string groupId, string protocol, string portRange, string source = "0.0.0.0/0", string policy = "accept", int priority = 1,
        string? sourceGroupId = null)
    {
        (string, string) peer = sourceGroupId is null ? ("SourceCidrIp", source) : ("SourceGroupId", sourceGroupId);
        (await client.Ecs("AuthorizeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", groupId), ("IpProtocol", protocol),
            ("PortRange", portRange), peer, ("Policy", policy), ("Priority", priority.ToString(CultureInfo.InvariantCulture)))).Success();
    }

    /// <summary>A running instance (in the given groups, or the scene's); returns its id, its primary ENI and that ENI's private IP.</summary>
    public async Task<(string InstanceId, string EniId, string PrivateIp)> InstanceAsync(string? securityGroupId = null)
    {
        var run = await client.Ecs("RunInstances", ("RegionId", Region), ("InstanceType", Fixtures.InstanceType), ("ImageId", "ubuntu_22_04_x64"),
            ("VSwitchId", net.VSwitchId), ("SecurityGroupId", securityGroupId ?? net.SecurityGroupId));
        var id = run.Success().GetProperty("InstanceIdSets").GetProperty("InstanceIdSet")[0].GetString()!;
        await WaitAsync($"instance {id} Running", () => FirstAsync(client.Ecs("DescribeInstances", ("RegionId", Region), ("InstanceIds", $"[\"{id}\"]")), "Instances", "Instance"),
            i => i.GetProperty("Status").GetString() == "Running");
        var body = (await client.Ecs("DescribeNetworkInterfaces", ("RegionId", Region), ("InstanceId", id), ("Type", "Primary"))).Success();
        var eni = body.GetProperty("NetworkInterfaceSets").GetProperty("NetworkInterfaceSet")[0];
        return (id, eni.GetProperty("NetworkInterfaceId").GetString()!, eni.GetProperty("PrivateIpAddress").GetString()!);
    }

    /// <summary>A secondary ENI with that many extra private IPs; returns its id and all its private IPs, primary first.</summary>
    public async Task<(string EniId, IReadOnlyList<string> PrivateIps)> EniAsync(int secondaryIps = 0, string? securityGroupId = null)
    {
        (string, string)[] parameters = [("RegionId", Region), ("VSwitchId", net.VSwitchId), ("SecurityGroupId", securityGroupId ?? net.SecurityGroupId)];
        if (secondaryIps > 0)
            parameters = [.. parameters, ("SecondaryPrivateIpAddressCount", secondaryIps.ToString(CultureInfo.InvariantCulture))];
        var id = (await client.Ecs("CreateNetworkInterface", parameters)).Success().GetProperty("NetworkInterfaceId").GetString()!;
        var eni = (await DescribeEniAsync(id))!.Value;
        var ips = eni.GetProperty("PrivateIpSets").GetProperty("PrivateIpSet").EnumerateArray()
            .OrderByDescending(p => p.GetProperty("Primary").GetBoolean())
            .Select(p => p.GetProperty("PrivateIpAddress").GetString()!).ToList();
        return (id, ips);
    }

    public Task<JsonElement?> DescribeEniAsync(string eniId) =>
        FirstAsync(client.Ecs("DescribeNetworkInterfaces", ("RegionId", Region), ("NetworkInterfaceId.1", eniId)), "NetworkInterfaceSets", "NetworkInterfaceSet");

    public async Task<(string AllocationId, string IpAddress)> EipAsync()
    {
        var body = (await client.Vpc("AllocateEipAddress", ("RegionId", Region))).Success();
        return (body.GetProperty("AllocationId").GetString()!, body.GetProperty("EipAddress").GetString()!);
    }

    /// <summary>Associates the EIP and waits until it is InUse, which the data plane reports once the kernel carries it.</summary>
    public async Task AssociateAsync(string allocationId, string targetId, string targetType = "NetworkInterface", string mode = "NAT", string? privateIp = null)
    {
        await AssociateNoWaitAsync(allocationId, targetId, targetType, mode, privateIp);
        await WaitForEipAsync(allocationId, "InUse");
    }

    public async Task AssociateNoWaitAsync(string allocationId, string targetId, string targetType = "NetworkInterface", string mode = "NAT", string? privateIp = null)
    {
        (string, string)[] parameters = [("RegionId", Region), ("AllocationId", allocationId), ("InstanceId", targetId), ("InstanceType", targetType), ("Mode", mode)];
        if (privateIp is not null)
            parameters = [.. parameters, ("PrivateIpAddress", privateIp)];
        (await client.Vpc("AssociateEipAddress", parameters)).Success();
    }

    public async Task UnassociateAsync(string allocationId, string targetId, string targetType = "NetworkInterface")
    {
        (await client.Vpc("UnassociateEipAddress", ("RegionId", Region), ("AllocationId", allocationId), ("InstanceId", targetId), ("InstanceType", targetType))).Success();
        await WaitForEipAsync(allocationId, "Available");
    }

    public Task WaitForEipAsync(string allocationId, string status) =>
        WaitAsync($"EIP {allocationId} {status}", () => FirstAsync(client.Vpc("DescribeEipAddresses", ("RegionId", Region), ("AllocationId", allocationId)), "EipAddresses", "EipAddress"),
            e => e.GetProperty("Status").GetString() == status);

    public async Task AttachAsync(string eniId, string instanceId)
    {
        await AttachNoWaitAsync(eniId, instanceId);
        await WaitAsync($"ENI {eniId} InUse", () => DescribeEniAsync(eniId), n => n.GetProperty("Status").GetString() == "InUse");
    }

    public async Task AttachNoWaitAsync(string eniId, string instanceId) =>
        (await client.Ecs("AttachNetworkInterface", ("RegionId", Region), ("NetworkInterfaceId", eniId), ("InstanceId", instanceId))).Success();

    public async Task DetachAsync(string eniId, string instanceId)
    {
        (await client.Ecs("DetachNetworkInterface", ("RegionId", Region), ("NetworkInterfaceId", eniId), ("InstanceId", instanceId))).Success();
        await WaitAsync($"ENI {eniId} Available", () => DescribeEniAsync(eniId), n => n.GetProperty("Status").GetString() == "Available");
    }

    public Task<RpcResult> EcsAsync(string action, params (string Key, string Value)[] parameters) => client.Ecs(action, [("RegionId", Region), .. parameters]);

    private static async Task<JsonElement?> FirstAsync(Task<RpcResult> call, string outer, string inner)
    {
        var items = (await call).Success().GetProperty(outer).GetProperty(inner);
        return items.GetArrayLength() > 0 ? items[0] : null;
    }

    private static Task<JsonElement> WaitAsync(string expected, Func<Task<JsonElement?>> probe, Func<JsonElement, bool> done) => Fixtures.WaitForAsync(expected, probe, done);
}
