using System.Diagnostics;
using System.Net.Sockets;
using Eipnet.Agent.Kernel;

namespace Eipnet.Agent.Tests.Lab;

/// <summary>Issue 9: the server survives what used to abort or wedge it. A gateway namespace deleted under a server holding
/// 2,000 idle connections (libnftables' select() aborted the process on a descriptor numbered 1024 or more), a killed nft
/// helper, a deleted uplink: each is repaired by the next resync, and new associations carry packets.</summary>
public sealed class ResilienceTests
{
    private static readonly TimeSpan Resync = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task GatewayNamespaceDeleted_IsRebuiltWithinAResync_WhileTheServerHolds2000IdleConnections()
    {
        await using var lab = await LabServer.StartAsync(Resync);
        var (scene, address) = await ServedEipAsync(lab);
        var oldHelper = lab.DataPlane.Applier.HelperProcessIds[lab.Gateway];

        using var idle = await IdleConnections.OpenAsync(lab.Server.Server.Endpoint, 2000);
        // Every descriptor below 1024 is taken now, so whatever opens a socket next gets a number above it.
        Assert.True(Directory.GetFiles("/proc/self/fd").Length > 1100, "the test host should hold more than 1024 descriptors");

        Assert.True((await lab.Run.IpAsync(null, ["netns", "del", lab.Gateway])).Succeeded, "ip netns del");
        // The old namespace lives on, nameless, while its helper is in it, so the EIP may keep answering through it until the
        // resync notices; what must happen within a few resyncs is a new namespace, a new helper in it, and the EIP through it.
        await WaitForTcpAsync(lab, address, "a new nft helper in a rebuilt gateway namespace, and the EIP answering through it",
            () => lab.DataPlane.Applier.HelperProcessIds.TryGetValue(lab.Gateway, out var now) && now != oldHelper);

        Assert.False(ProcessIsAlive(oldHelper), $"the helper {oldHelper} in the deleted namespace should have ended");
        // A new association goes through the new session.
        await AssertSecondEipServedAsync(lab, scene);
        // The idle connections were never dropped: the server still answers on one of them.
        Assert.Equal(2000, idle.OpenCount());
        Assert.True(await idle.ServedAsync(), "an idle connection should still be served");
    }

    [Fact]
    public async Task NftHelperKilled_IsReplaced_AndTheNextAssociationApplies()
    {
        await using var lab = await LabServer.StartAsync(Resync);
        var (scene, address) = await ServedEipAsync(lab);
        var helper = lab.DataPlane.Applier.HelperProcessIds[lab.Gateway];

        using (var process = Process.GetProcessById(helper))
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        // A second EIP on a second instance: the next nft change goes through a new helper.
        await AssertSecondEipServedAsync(lab, scene);
        Assert.NotNull(await Packets.TcpAsync(lab, lab.Internet, address, LabScene.TcpPort));
        Assert.NotEqual(helper, lab.DataPlane.Applier.HelperProcessIds[lab.Gateway]);
    }

    [Fact]
    public async Task UplinkDeleted_IsRebuiltWithinAResync()
    {
        await using var lab = await LabServer.StartAsync(Resync);
        var (_, address) = await ServedEipAsync(lab);

        Assert.True((await lab.Run.IpAsync(lab.Gateway, ["link", "del", lab.Topology.Options.Plan.UplinkName])).Succeeded, "ip link del uplink");
        await WaitForTcpAsync(lab, address, "the EIP to answer again after the uplink was deleted");
    }

    [Fact]
    public async Task TableDeleted_IsReloadedWithinAResync()
    {
        await using var lab = await LabServer.StartAsync(Resync);
        var (_, address) = await ServedEipAsync(lab);

        await lab.Run.CheckAsync("ip", ["netns", "exec", lab.Gateway, "nft", "delete", "table", "ip", "eipnet"]);
        await WaitForTcpAsync(lab, address, "the EIP to answer again after the nft table was deleted");
    }

    /// <summary>A scene with an instance serving TCP through a NAT EIP on its primary ENI, checked from the internet host.</summary>
    private static async Task<(LabScene Scene, string Address)> ServedEipAsync(LabServer lab)
    {
        var scene = await LabScene.CreateAsync(lab);
        var (instance, eni, _) = await scene.InstanceAsync();
        var (eip, address) = await scene.EipAsync();
        await scene.AssociateAsync(eip, eni);
        await Packets.TcpServerAsync(lab, lab.InstanceNamespace(instance), LabScene.TcpPort);
        Assert.NotNull(await Packets.TcpAsync(lab, lab.Internet, address, LabScene.TcpPort));
        return (scene, address);
    }

    /// <summary>Associates a new EIP with a new instance and checks that it reaches that instance.</summary>
    private static async Task AssertSecondEipServedAsync(LabServer lab, LabScene scene)
    {
        var (second, secondEni, _) = await scene.InstanceAsync();
        var (eip, address) = await scene.EipAsync();
        await scene.AssociateAsync(eip, secondEni);
        await Packets.TcpServerAsync(lab, lab.InstanceNamespace(second), LabScene.TcpPort, "second");
        Assert.StartsWith("second", await Packets.TcpAsync(lab, lab.Internet, address, LabScene.TcpPort) ?? "(no answer)");
    }

    /// <summary>Probes the EIP until it answers; the limit is several resync periods, and its message says what was awaited.</summary>
    private static async Task WaitForTcpAsync(LabServer lab, string address, string what, Func<bool>? also = null)
    {
        var limit = Stopwatch.StartNew();
        while (limit.Elapsed < Resync * 5 + TimeSpan.FromSeconds(20))
        {
            if ((also?.Invoke() ?? true) && await Packets.TcpAsync(lab, lab.Internet, address, LabScene.TcpPort, timeoutSeconds: 1) is not null)
                return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"Waited {limit.Elapsed.TotalSeconds:F0} s for {what}.");
    }

    private static bool ProcessIsAlive(int pid) => File.Exists($"/proc/{pid}/status")
        && !File.ReadAllText($"/proc/{pid}/status").Contains("State:\tZ", StringComparison.Ordinal);
}
