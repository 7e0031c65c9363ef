namespace Eipnet.Agent.Tests.Lab;

/// <summary>NAT mode with real packets: the internet reaches a private IP through its EIP; the instance never sees the EIP;
/// what the instance sends out leaves with the EIP as its source.</summary>
public sealed class NatModeTests
{
    [Fact]
    public async Task InternetReachesTcpAndUdpServersOnThePrimaryEni_AndOutboundLeavesWithTheEip()
    {
        await using var lab = await LabServer.StartAsync();
        var scene = await LabScene.CreateAsync(lab);
        var (instanceId, _, privateIp) = await scene.InstanceAsync();
        var (allocationId, eip) = await scene.EipAsync();
        await scene.AssociateAsync(allocationId, instanceId, "EcsInstance");

        var instance = lab.InstanceNamespace(instanceId);
        await Packets.TcpServerAsync(lab, instance, LabScene.TcpPort);
        await Packets.UdpServerAsync(lab, instance, LabScene.UdpPort);
        await Packets.TcpServerAsync(lab, lab.Internet, 9000);

        // The server sees the internet host's own address: NAT translates the destination only.
        Assert.Equal($"{privateIp} 203.0.113.10", await Packets.TcpAsync(lab, lab.Internet, eip, LabScene.TcpPort));
        Assert.Equal($"{privateIp} 203.0.113.10", await Packets.UdpAsync(lab, lab.Internet, eip, LabScene.UdpPort));
        Assert.DoesNotContain(eip, await lab.AddressesAsync(instance));
        Assert.Contains(privateIp, await lab.AddressesAsync(instance));
        // Outbound from the private IP reaches the internet host with the EIP as its source.
        Assert.Equal($"203.0.113.10 {eip}", await Packets.TcpAsync(lab, instance, "203.0.113.10", 9000));
    }

    [Fact]
    public async Task SecondaryEniWithThreePrivateIps_CarriesThreeEips_EachToItsOwnPrivateIp()
    {
        await using var lab = await LabServer.StartAsync();
        var scene = await LabScene.CreateAsync(lab, secondOctet: 11);
        var (instanceId, _, _) = await scene.InstanceAsync();
        var (eniId, privateIps) = await scene.EniAsync(secondaryIps: 2);
        Assert.Equal(3, privateIps.Count);
        await scene.AttachAsync(eniId, instanceId);
        var eips = new List<string>();
        foreach (var ip in privateIps)
        {
            var (allocationId, eip) = await scene.EipAsync();
            await scene.AssociateAsync(allocationId, eniId, privateIp: ip);
            eips.Add(eip);
        }

        var instance = lab.InstanceNamespace(instanceId);
        await Packets.TcpServerAsync(lab, instance, LabScene.TcpPort);
        for (var i = 0; i < 3; i++)
            Assert.Equal($"{privateIps[i]} 203.0.113.10", await Packets.TcpAsync(lab, lab.Internet, eips[i], LabScene.TcpPort));
        var seen = await lab.AddressesAsync(instance);
        Assert.All(privateIps, ip => Assert.Contains(ip, seen));
        Assert.All(eips, eip => Assert.DoesNotContain(eip, seen));
        // Each private IP leaves with its own EIP (replies and new connections alike).
        await Packets.TcpServerAsync(lab, lab.Internet, 9000);
        for (var i = 0; i < 3; i++)
            Assert.Equal($"203.0.113.10 {eips[i]}", await Packets.TcpAsync(lab, instance, "203.0.113.10", 9000, source: privateIps[i]));
    }
}
