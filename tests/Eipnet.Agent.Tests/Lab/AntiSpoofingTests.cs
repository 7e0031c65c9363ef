namespace Eipnet.Agent.Tests.Lab;

/// <summary>An instance that sends from an address that is not its ENI's own gets nothing through, to the internet or
/// into the VPC; from its own address everything passes.</summary>
public sealed class AntiSpoofingTests
{
    [Fact]
    public async Task PacketsFromAddressesThatAreNotTheEnisOwn_AreDropped()
    {
        await using var lab = await LabServer.StartAsync();
        var scene = await LabScene.CreateAsync(lab, 70);
        await scene.AllowAsync(scene.Net.SecurityGroupId, "UDP", "9001/9001", source: "10.70.0.0/16");
        var (a, _, aIp) = await scene.InstanceAsync();
        var (b, _, bIp) = await scene.InstanceAsync();
        var (allocationId, eip) = await scene.EipAsync();
        await scene.AssociateAsync(allocationId, a, "EcsInstance");
        var ns = lab.InstanceNamespace(a);
        var internet = await Packets.UdpSinkAsync(lab, lab.Internet, 9001);
        var peer = await Packets.UdpSinkAsync(lab, lab.InstanceNamespace(b), 9001);
        var device = (await lab.Run.IpCheckAsync(ns, ["-o", "-4", "addr", "show"])).Split('\n').First(l => l.Contains(aIp, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        // Addresses the guest claims without the cloud giving them: one more of the vSwitch, a public one, its NAT EIP.
        foreach (var cidr in new[] { "10.70.1.200/24", "192.0.2.66/32", $"{eip}/32" })
            await lab.Run.IpCheckAsync(ns, ["addr", "add", cidr, "dev", device]);

        await Packets.SendUdpAsync(lab, ns, "203.0.113.10", 9001, "own-to-internet", source: aIp);
        await Packets.SendUdpAsync(lab, ns, bIp, 9001, "own-to-peer", source: aIp);
        // Without the check each of these would arrive: the peer's group admits the vSwitch's addresses, and the gateway
        // forwards an untranslated source to the internet as it is.
        foreach (var spoofed in new[] { "10.70.1.200", "192.0.2.66", eip })
        {
            await Packets.SendUdpAsync(lab, ns, "203.0.113.10", 9001, "spoofed-" + spoofed, source: spoofed);
            await Packets.SendUdpAsync(lab, ns, bIp, 9001, "spoofed-" + spoofed, source: spoofed);
        }

        // Markers from the own address, sent after the spoofed packets along the same paths: once they are in, a spoofed
        // packet that got through would be in too.
        await Packets.SendUdpAsync(lab, ns, "203.0.113.10", 9001, "own-after-internet", source: aIp);
        await Packets.SendUdpAsync(lab, ns, bIp, 9001, "own-after-peer", source: aIp);

        Assert.True(await internet.SawAsync("own-to-internet", TimeSpan.FromSeconds(2)));
        Assert.True(await peer.SawAsync("own-to-peer", TimeSpan.FromSeconds(2)));
        Assert.True(await internet.SawAsync("own-after-internet", TimeSpan.FromSeconds(2)));
        Assert.True(await peer.SawAsync("own-after-peer", TimeSpan.FromSeconds(2)));
        Assert.DoesNotContain(internet.Lines, l => l.StartsWith("spoofed", StringComparison.Ordinal));
        Assert.DoesNotContain(peer.Lines, l => l.StartsWith("spoofed", StringComparison.Ordinal));
    }
}
