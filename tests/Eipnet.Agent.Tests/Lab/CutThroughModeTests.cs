namespace Eipnet.Agent.Tests.Lab;

/// <summary>Cut-through mode with real packets: the EIP is the ENI's address inside the instance, packets pass untranslated,
/// and the ENI's private IP is gone from the VPC.</summary>
public sealed class CutThroughModeTests
{
    /// <summary>On one host, and on a gateway and two compute hosts (the instances on different hosts, as placement puts
    /// them).</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task EipIsTheInterfaceAddress_PacketsPassUntranslated_AndThePrivateIpIsGoneFromTheVpc(int computeHosts)
    {
        await using var lab = await LabServer.StartAsync(computeHosts: computeHosts);
        var scene = await LabScene.CreateAsync(lab, secondOctet: 20);
        var (instanceId, _, _) = await scene.InstanceAsync();
        var (otherId, _, otherIp) = await scene.InstanceAsync();
        var (eniId, privateIps) = await scene.EniAsync();
        var (allocationId, eip) = await scene.EipAsync();
        await scene.AssociateAsync(allocationId, eniId, mode: "BINDED"); // cut-through: associated while the ENI is unattached
        await scene.AttachAsync(eniId, instanceId);

        var instance = lab.InstanceNamespace(instanceId);
        var other = lab.InstanceNamespace(otherId);
        // As DHCP would set it: the EIP with the pool's mask on the ENI's interface, and the private IP not at all.
        var eniDevice = await EniDeviceAsync(scene, lab, instance, eniId);
        var onDevice = await lab.Run.IpCheckAsync(instance, ["-4", "-o", "addr", "show", "dev", eniDevice]);
        Assert.Contains($"{eip}/24", onDevice, StringComparison.Ordinal);
        Assert.DoesNotContain(privateIps[0], await lab.AddressesAsync(instance));

        await Packets.TcpServerAsync(lab, instance, LabScene.TcpPort);
        await Packets.UdpServerAsync(lab, instance, LabScene.UdpPort, bind: eip);
        await Packets.TcpServerAsync(lab, other, LabScene.TcpPort);
        await Packets.TcpServerAsync(lab, lab.Internet, 9000);
        // Untranslated both ways: the instance sees the EIP as its own address and the client's real one.
        Assert.Equal($"{eip} 203.0.113.10", await Packets.TcpAsync(lab, lab.Internet, eip, LabScene.TcpPort));
        Assert.Equal($"{eip} 203.0.113.10", await Packets.UdpAsync(lab, lab.Internet, eip, LabScene.UdpPort));
        Assert.Equal($"203.0.113.10 {eip}", await Packets.TcpAsync(lab, instance, "203.0.113.10", 9000, source: eip));
        // The security group still decides for the EIP: a port it does not open stays closed.
        Assert.Null(await Packets.TcpAsync(lab, lab.Internet, eip, 8090, timeoutSeconds: 1));
        // No private networking on that ENI: another instance of the VPC cannot reach its private IP, and the ENI cannot
        // send from it; the instance's primary ENI still reaches the other instance.
        Assert.Null(await Packets.TcpAsync(lab, other, privateIps[0], LabScene.TcpPort, timeoutSeconds: 1));
        Assert.Null(await Packets.TcpAsync(lab, instance, otherIp, LabScene.TcpPort, source: eip, timeoutSeconds: 1));
        Assert.StartsWith(otherIp + " ", await Packets.TcpAsync(lab, instance, otherIp, LabScene.TcpPort) ?? "");
    }

    /// <summary>The name of the instance's interface that carries the ENI's MAC (what a guest would look up).</summary>
    internal static async Task<string> EniDeviceAsync(LabScene scene, LabServer lab, string ns, string eniId)
    {
        var mac = (await scene.DescribeEniAsync(eniId))!.Value.GetProperty("MacAddress").GetString()!;
        var links = await lab.Run.IpCheckAsync(ns, ["-o", "link", "show"]);
        var line = links.Split('\n').Single(l => l.Contains(mac, StringComparison.OrdinalIgnoreCase));
        return line.Split(':')[1].Trim().Split('@')[0];
    }
}
