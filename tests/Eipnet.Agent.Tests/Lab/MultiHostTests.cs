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

    [Fact]
    public async Task ComputeAgentKilled_ItsHostKeepsForwarding_OtherHostsGoOn_AndItsRestartTouchesNoOtherHost()
    {
        await using var lab = await LabServer.StartAsync(computeHosts: 2);
        var scene = await LabScene.CreateAsync(lab, 92);
        var (a, aEni, _) = await scene.InstanceAsync();
        var (b, bEni, _) = await scene.InstanceAsync();
        Assert.Equal("c2", await HostOfAsync(scene, b));
        var (aEip, aAddress) = await scene.EipAsync();
        var (bEip, bAddress) = await scene.EipAsync();
        await scene.AssociateAsync(aEip, aEni);
        await scene.AssociateAsync(bEip, bEni);
        await Packets.TcpServerAsync(lab, lab.InstanceNamespace(a), LabScene.TcpPort, "a");
        await Packets.TcpServerAsync(lab, lab.InstanceNamespace(b), LabScene.TcpPort, "b");

        await using (var c2 = await lab.StartAgentProcessAsync("c2"))
        {
            await lab.WaitAppliedAsync();
            await c2.KillAsync(); // kill -9, with its nft helpers
        }
        // c2's kernel keeps what it had.
        Assert.StartsWith("b", await Packets.TcpAsync(lab, lab.Internet, bAddress, LabScene.TcpPort) ?? "(no answer)", StringComparison.Ordinal);

        // What concerns only the gateway and c1 goes on: a new instance (placed on c1) runs, its EIP is InUse and carries traffic.
        var (c, cEni, _) = await scene.InstanceAsync();
        Assert.Equal("c1", await HostOfAsync(scene, c));
        var (cEip, cAddress) = await scene.EipAsync();
        await scene.AssociateAsync(cEip, cEni);
        await Packets.TcpServerAsync(lab, lab.InstanceNamespace(c), LabScene.TcpPort, "c");
        Assert.StartsWith("c", await Packets.TcpAsync(lab, lab.Internet, cAddress, LabScene.TcpPort) ?? "(no answer)", StringComparison.Ordinal);
        // What concerns c2 waits for it: unassociating b's EIP takes it off the gateway at once, but the EIP stays Unassociating.
        (await scene.Client.Vpc("UnassociateEipAddress", ("RegionId", LabScene.Region), ("AllocationId", bEip), ("InstanceId", bEni), ("InstanceType", "NetworkInterface"))).Success();
        Assert.Null(await SecurityGroupTests.EventuallyNull(() => Packets.TcpAsync(lab, lab.Internet, bAddress, LabScene.TcpPort, timeoutSeconds: 1)));
        Assert.Equal("Unassociating", await EipStatusAsync(scene, bEip));

        // c2's agent restarts and converges; the other hosts' kernels are not touched.
        var others = lab.Hosts.Where(h => h.Name != "c2").ToList();
        var before = await KernelStateAsync(lab, others);
        await using var restarted = await lab.StartAgentProcessAsync("c2");
        await scene.WaitForEipAsync(bEip, "Available");
        await lab.WaitAppliedAsync();
        Assert.Equal(before, await KernelStateAsync(lab, others));
        Assert.StartsWith("a", await Packets.TcpAsync(lab, lab.Internet, aAddress, LabScene.TcpPort) ?? "(no answer)", StringComparison.Ordinal);
        Assert.Equal($"b {await PrivateIpAsync(scene, bEni)} {await PrivateIpAsync(scene, aEni)}",
            Answer(await Packets.TcpAsync(lab, lab.InstanceNamespace(a), await PrivateIpAsync(scene, bEni), LabScene.TcpPort)));
    }

    // Every namespace of the hosts: links with their details, addresses, routes, rules and the nft ruleset.
    private static async Task<string> KernelStateAsync(LabServer lab, IEnumerable<LabServer.LabHost> hosts)
    {
        var text = new System.Text.StringBuilder();
        foreach (var ns in hosts.SelectMany(h => Namespaces.WithPrefix(h.Topology.Options.Prefix)).Order(StringComparer.Ordinal))
        {
            text.Append("# ").AppendLine(ns);
            foreach (string[] args in (string[][])[["-d", "-o", "link", "show"], ["-o", "addr", "show"], ["route", "show", "table", "all"], ["rule", "show"], ["neigh", "show", "nud", "permanent"]])
                text.AppendLine(await lab.Run.IpCheckAsync(ns, args));
            text.AppendLine((await lab.ExecAsync(ns, "nft", "list", "ruleset")).Stdout);
        }
        return text.ToString();
    }

    private static async Task<string> EipStatusAsync(LabScene scene, string allocationId) =>
        (await scene.Client.Vpc("DescribeEipAddresses", ("RegionId", LabScene.Region), ("AllocationId", allocationId))).Success()
            .GetProperty("EipAddresses").GetProperty("EipAddress")[0].GetProperty("Status").GetString()!;

    private static async Task<string> PrivateIpAsync(LabScene scene, string eniId) =>
        (await scene.DescribeEniAsync(eniId))!.Value.GetProperty("PrivateIpAddress").GetString()!;

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
