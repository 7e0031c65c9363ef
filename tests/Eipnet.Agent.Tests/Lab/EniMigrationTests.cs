using System.Diagnostics;
using Xunit.Abstractions;

namespace Eipnet.Agent.Tests.Lab;

/// <summary>An ENI moved from one instance to another takes its private and public addresses along.</summary>
public sealed class EniMigrationTests(ITestOutputHelper output)
{
    /// <summary>On one host, and on a gateway and two compute hosts (the instances on different hosts, as placement puts
    /// them).</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task DetachFromAAttachToB_NewConnectionsToTheEipReachB_NoneReachA(int computeHosts)
    {
        await using var lab = await LabServer.StartAsync(computeHosts: computeHosts);
        var scene = await LabScene.CreateAsync(lab, secondOctet: 40);
        var (a, _, _) = await scene.InstanceAsync();
        var (b, _, _) = await scene.InstanceAsync();
        var (eniId, privateIps) = await scene.EniAsync();
        await scene.AttachAsync(eniId, a);
        var (allocationId, eip) = await scene.EipAsync();
        await scene.AssociateAsync(allocationId, eniId);
        await Packets.TcpServerAsync(lab, lab.InstanceNamespace(a), LabScene.TcpPort, tag: "A");
        await Packets.TcpServerAsync(lab, lab.InstanceNamespace(b), LabScene.TcpPort, tag: "B");
        Assert.Equal($"A {privateIps[0]} 203.0.113.10", await Packets.TcpAsync(lab, lab.Internet, eip, LabScene.TcpPort));

        await scene.DetachAsync(eniId, a);
        Assert.DoesNotContain(privateIps[0], await lab.AddressesAsync(lab.InstanceNamespace(a)));
        Assert.Null(await Packets.TcpAsync(lab, lab.Internet, eip, LabScene.TcpPort, timeoutSeconds: 1));

        // From the attach call to the first connection that reaches B.
        var clock = Stopwatch.StartNew();
        await scene.AttachNoWaitAsync(eniId, b);
        var answered = clock.Elapsed;
        string? first = null;
        while (first is null && clock.Elapsed < TimeSpan.FromSeconds(10))
            first = await Packets.TcpAsync(lab, lab.Internet, eip, LabScene.TcpPort, timeoutSeconds: 0.03); // a lost SYN would wait 1 s to be resent
        var reached = clock.Elapsed;
        output.WriteLine($"attach call answered after {answered.TotalMilliseconds:F0} ms; first connection through the EIP reached B after {reached.TotalMilliseconds:F0} ms");

        Assert.Equal($"B {privateIps[0]} 203.0.113.10", first);
        for (var i = 0; i < 5; i++)
            Assert.Equal($"B {privateIps[0]} 203.0.113.10", await Packets.TcpAsync(lab, lab.Internet, eip, LabScene.TcpPort));
        Assert.Contains(privateIps[0], await lab.AddressesAsync(lab.InstanceNamespace(b)));
        Assert.DoesNotContain(privateIps[0], await lab.AddressesAsync(lab.InstanceNamespace(a)));
    }
}
