using System.Text.Json;
using Eipnet.Agent.Kernel;

namespace Eipnet.Agent.Tests.Lab;

/// <summary>Issue 10, hosts: a gateway host and two compute hosts on an underlay, each with its own agent. Instances are placed
/// on the compute hosts; EIPs arrive at the gateway, which translates or routes them through the VPC's GENEVE tunnel to the
/// instance's host; instances of one VPC on different hosts reach each other directly.</summary>
public sealed class MultiHostTests
{
    [Fact]
    public async Task NatEips_ReachInstancesOnBothComputeHosts_AndTheVpcSpansHosts()
    {
        await using var lab = await LabServer.StartAsync(computeHosts: 2);
        var scene = await LabScene.CreateAsync(lab, "192.168");
        var (a, aEni, aIp) = await scene.InstanceAsync();
        var (b, bEni, bIp) = await scene.InstanceAsync();
        Assert.Equal("c1", await HostOfAsync(scene, a)); // the least-loaded compute host, the first by name on a tie
        Assert.Equal("c2", await HostOfAsync(scene, b));
        Assert.True(Namespaces.Exists(lab.Hosts[1].Topology.Options.Plan.InstanceNamespace(a)));
        Assert.True(Namespaces.Exists(lab.Hosts[2].Topology.Options.Plan.InstanceNamespace(b)));
        Assert.False(Namespaces.Exists(lab.Hosts[2].Topology.Options.Plan.InstanceNamespace(a)));

        var (aEip, aAddress) = await scene.EipAsync();
        var (bEip, bAddress) = await scene.EipAsync();
        await scene.AssociateAsync(aEip, aEni);
        await scene.AssociateAsync(bEip, bEni);
        await Packets.TcpServerAsync(lab, lab.InstanceNamespace(a), LabScene.TcpPort, "a");
        await Packets.TcpServerAsync(lab, lab.InstanceNamespace(b), LabScene.TcpPort, "b");
        await Packets.TcpServerAsync(lab, lab.Internet, LabScene.TcpPort, "internet");

        // Inbound through the gateway and the tunnel to each instance's host, translated to its private address.
        Assert.Equal($"a {aIp} 203.0.113.10", Answer(await Packets.TcpAsync(lab, lab.Internet, aAddress, LabScene.TcpPort)));
        Assert.Equal($"b {bIp} 203.0.113.10", Answer(await Packets.TcpAsync(lab, lab.Internet, bAddress, LabScene.TcpPort)));
        // Outbound as its EIP.
        Assert.EndsWith(aAddress, Answer(await Packets.TcpAsync(lab, lab.InstanceNamespace(a), "203.0.113.10", LabScene.TcpPort)), StringComparison.Ordinal);
        // Across hosts inside the VPC, private address to private address.
        Assert.Equal($"b {bIp} {aIp}", Answer(await Packets.TcpAsync(lab, lab.InstanceNamespace(a), bIp, LabScene.TcpPort)));
        // A's EIP from B (hairpin, translated in the gateway's router): across hosts A sees B's private address (the gateway
        // does not translate the source; A's host answers through its transit, back to the gateway), and so do A's groups.
        Assert.Equal($"a {aIp} {bIp}", Answer(await Packets.TcpAsync(lab, lab.InstanceNamespace(b), aAddress, LabScene.TcpPort)));
        // A reaches its own EIP too; its own packet comes back from its vSwitch's gateway address.
        Assert.Equal($"a {aIp} 192.168.1.1", Answer(await Packets.TcpAsync(lab, lab.InstanceNamespace(a), aAddress, LabScene.TcpPort)));
    }

    private static async Task<string> HostOfAsync(LabScene scene, string instanceId)
    {
        var body = (await scene.EcsAsync("DescribeInstances", ("InstanceIds", $"[\"{instanceId}\"]"))).Success();
        return body.GetProperty("Instances").GetProperty("Instance")[0].GetProperty("EipnetHost").GetString()!;
    }

    private static string Answer(string? answer)
    {
        Assert.NotNull(answer);
        return answer.Trim();
    }
}
