namespace Eipnet.Agent.Tests.Lab;

/// <summary>When an EIP stops pointing where it did, flows opened towards the old target are forgotten: the gateway's
/// conntrack holds no entry for them, and the next packet of such a flow does not reach the old target.</summary>
public sealed class ConntrackTests
{
    private const int FlowPort = 8082, SourcePort = 40000;

    [Fact]
    public async Task UdpFlow_IsForgotten_WhenTheEipIsUnassociated()
    {
        await using var lab = await LabServer.StartAsync();
        var scene = await OpenSceneAsync(lab, 50);
        var (a, _, _) = await scene.InstanceAsync();
        var (allocationId, eip) = await scene.EipAsync();
        await scene.AssociateAsync(allocationId, a, "EcsInstance");
        var sink = await Packets.UdpSinkAsync(lab, lab.InstanceNamespace(a), FlowPort);

        await Packets.SendUdpAsync(lab, lab.Internet, eip, FlowPort, "before", sourcePort: SourcePort);
        Assert.True(await sink.SawAsync("before", TimeSpan.FromSeconds(2)));
        Assert.Equal(1, await FlowsAsync(lab, "udp", eip));

        await scene.UnassociateAsync(allocationId, a, "EcsInstance");
        Assert.Equal(0, await FlowsAsync(lab, "udp", eip));
        await Packets.SendUdpAsync(lab, lab.Internet, eip, FlowPort, "after", sourcePort: SourcePort);
        Assert.False(await sink.SawAsync("after", TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task UdpFlow_IsForgotten_WhenTheEipIsReassociatedElsewhere()
    {
        await using var lab = await LabServer.StartAsync();
        var scene = await OpenSceneAsync(lab, 51);
        var (a, _, _) = await scene.InstanceAsync();
        var (b, _, _) = await scene.InstanceAsync();
        var (allocationId, eip) = await scene.EipAsync();
        await scene.AssociateAsync(allocationId, a, "EcsInstance");
        var sinkA = await Packets.UdpSinkAsync(lab, lab.InstanceNamespace(a), FlowPort);
        var sinkB = await Packets.UdpSinkAsync(lab, lab.InstanceNamespace(b), FlowPort);

        await Packets.SendUdpAsync(lab, lab.Internet, eip, FlowPort, "before", sourcePort: SourcePort);
        Assert.True(await sinkA.SawAsync("before", TimeSpan.FromSeconds(2)));
        Assert.Equal(1, await FlowsAsync(lab, "udp", eip));

        await scene.UnassociateAsync(allocationId, a, "EcsInstance");
        await scene.AssociateAsync(allocationId, b, "EcsInstance");
        Assert.Equal(0, await FlowsAsync(lab, "udp", eip));
        await Packets.SendUdpAsync(lab, lab.Internet, eip, FlowPort, "after", sourcePort: SourcePort);
        // The same flow now starts afresh towards the EIP's new target; nothing of it reaches the old one.
        Assert.True(await sinkB.SawAsync("after", TimeSpan.FromSeconds(2)));
        Assert.False(await sinkA.SawAsync("after", TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task TcpFlow_IsForgotten_WhenItsEniMovesToAnotherInstance()
    {
        await using var lab = await LabServer.StartAsync();
        var scene = await OpenSceneAsync(lab, 52);
        var (a, _, _) = await scene.InstanceAsync();
        var (b, _, _) = await scene.InstanceAsync();
        var (eniId, _) = await scene.EniAsync();
        await scene.AttachAsync(eniId, a);
        var (allocationId, eip) = await scene.EipAsync();
        await scene.AssociateAsync(allocationId, eniId);
        var server = lab.Start(lab.InstanceNamespace(a), "socat", "-u", $"TCP-LISTEN:{FlowPort},reuseaddr", "STDOUT");
        await Packets.WaitListeningAsync(lab, lab.InstanceNamespace(a), "-ltnH", FlowPort);
        var client = lab.Start(lab.Internet, "socat", "-u", "STDIN", $"TCP:{eip}:{FlowPort}");

        await client.WriteLineAsync("before");
        Assert.True(await server.SawAsync("before", TimeSpan.FromSeconds(2)));
        Assert.Equal(1, await FlowsAsync(lab, "tcp", eip));

        await scene.DetachAsync(eniId, a);
        await scene.AttachAsync(eniId, b);
        Assert.Equal(0, await FlowsAsync(lab, "tcp", eip));
        await client.WriteLineAsync("after");
        Assert.False(await server.SawAsync("after", TimeSpan.FromSeconds(1)));
    }

    private static async Task<LabScene> OpenSceneAsync(LabServer lab, int octet)
    {
        var scene = await LabScene.CreateAsync(lab, octet);
        await scene.AllowAsync(scene.Net.SecurityGroupId, "UDP", $"{FlowPort}/{FlowPort}");
        await scene.AllowAsync(scene.Net.SecurityGroupId, "TCP", $"{FlowPort}/{FlowPort}");
        return scene;
    }

    /// <summary>Conntrack entries whose original destination is the EIP, in the VPC routers (where EIPs are translated).</summary>
    private static async Task<int> FlowsAsync(LabServer lab, string protocol, string eip)
    {
        var count = 0;
        foreach (var router in Kernel.Namespaces.WithPrefix(lab.Prefix + "vpc-"))
        {
            var list = await lab.ExecAsync(router, "conntrack", "-L", "-p", protocol, "--orig-dst", eip);
            count += list.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        }
        return count;
    }
}
