namespace Eipnet.Agent.Tests.Lab;

/// <summary>VPCs are isolated: an instance does not reach another VPC's private addresses through the gateway, even when
/// the other side's security group admits everyone; inside one VPC the same rule lets it through.</summary>
public sealed class VpcIsolationTests
{
    [Fact]
    public async Task InstancesInDifferentVpcs_DoNotReachEachOther_AndTraceSaysWhy()
    {
        await using var lab = await LabServer.StartAsync();
        var first = await LabScene.CreateAsync(lab, 63);
        var second = await LabScene.CreateAsync(lab, 64, client: first.Client);
        var (a, _, aIp) = await first.InstanceAsync();
        var (b, _, bIp) = await first.InstanceAsync();
        var (c, _, cIp) = await second.InstanceAsync();
        foreach (var id in new[] { b, c })
            await Packets.TcpServerAsync(lab, lab.InstanceNamespace(id), LabScene.TcpPort);

        Assert.NotNull(await Packets.TcpAsync(lab, lab.InstanceNamespace(a), bIp, LabScene.TcpPort));
        Assert.Null(await Packets.TcpAsync(lab, lab.InstanceNamespace(a), cIp, LabScene.TcpPort, timeoutSeconds: 1));
        Assert.Null(await Packets.TcpAsync(lab, lab.InstanceNamespace(c), aIp, LabScene.TcpPort, timeoutSeconds: 1));

        var trace = (await first.Client.Vpc("TracePacket", ("RegionId", LabScene.Region), ("From", aIp), ("To", cIp), ("Protocol", "tcp"), ("Port", "8080"))).Success();
        Assert.Equal("dropped", trace.GetProperty("Verdict").GetString());
        Assert.Contains("isolated", trace.GetProperty("Steps").GetRawText(), StringComparison.Ordinal);
    }
}
