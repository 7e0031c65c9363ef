namespace Eipnet.Agent.Tests.Lab;

/// <summary>Multi-EIP-to-ENI mode with real packets: ten EIPs reach the instance untranslated once the guest configures what
/// DescribeEipGatewayInfo gives; the ENI keeps its private networking.</summary>
public sealed class MultiEipModeTests
{
    /// <summary>On one host, and on a gateway and two compute hosts (the instances on different hosts, as placement puts
    /// them).</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task TenEipsReachTheInstanceUntranslated_OnceConfiguredFromGatewayInfo_AndThePrivateIpKeepsWorking(int computeHosts)
    {
        await using var lab = await LabServer.StartAsync(computeHosts: computeHosts);
        var scene = await LabScene.CreateAsync(lab, secondOctet: 30);
        var (instanceId, _, _) = await scene.InstanceAsync();
        var (otherId, _, _) = await scene.InstanceAsync();
        var (eniId, privateIps) = await scene.EniAsync();
        for (var i = 0; i < 10; i++)
        {
            var (allocationId, _) = await scene.EipAsync();
            await scene.AssociateAsync(allocationId, eniId, mode: "MULTI_BINDED"); // while the ENI is unattached, as the API requires
        }
        await scene.AttachAsync(eniId, instanceId);

        var instance = lab.InstanceNamespace(instanceId);
        var device = await CutThroughModeTests.EniDeviceAsync(scene, lab, instance, eniId);
        var info = (await scene.Client.Vpc("DescribeEipGatewayInfo", ("RegionId", LabScene.Region), ("InstanceId", eniId))).Success();
        var eips = info.GetProperty("EipInfos").GetProperty("EipInfo").EnumerateArray()
            .Select(e => (Ip: e.GetProperty("Ip").GetString()!, Gateway: e.GetProperty("IpGw").GetString()!, Mask: e.GetProperty("IpMask").GetString()!)).ToList();
        Assert.Equal(10, eips.Count);
        await Packets.TcpServerAsync(lab, instance, LabScene.TcpPort);

        // Before the guest configures them, the EIPs are routed to the ENI but nothing answers.
        Assert.Null(await Packets.TcpAsync(lab, lab.Internet, eips[0].Ip, LabScene.TcpPort, timeoutSeconds: 1));
        foreach (var (ip, _, mask) in eips)
            await lab.Run.IpCheckAsync(instance, ["addr", "add", $"{ip}/{PrefixLength(mask)}", "dev", device]);
        foreach (var (ip, _, _) in eips)
            Assert.Equal($"{ip} 203.0.113.10", await Packets.TcpAsync(lab, lab.Internet, ip, LabScene.TcpPort));
        // The private IP keeps working inside the VPC.
        Assert.StartsWith(privateIps[0] + " ", await Packets.TcpAsync(lab, lab.InstanceNamespace(otherId), privateIps[0], LabScene.TcpPort) ?? "");
    }

    private static int PrefixLength(string mask) =>
        mask.Split('.').Select(byte.Parse).Sum(b => System.Numerics.BitOperations.PopCount(b));
}
