using System.Globalization;

namespace Eipnet.Agent.Tests.Lab;

/// <summary>Issue 13, metering from the kernel: the gateway counts what each EIP receives from and sends to the internet, per
/// element of two counted nft sets; the agent reports the counters (every second in the lab's tests) and DescribeEipMonitorData
/// shows the traffic. No per-packet work in user space.</summary>
public sealed class MeteringTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task TrafficThroughAnEip_IsCountedByTheKernel_AndShownByDescribeEipMonitorData(int computeHosts)
    {
        await using var lab = await LabServer.StartAsync(computeHosts: computeHosts);
        var scene = await LabScene.CreateAsync(lab, 88);
        var (instance, eni, _) = await scene.InstanceAsync();
        var (eip, address) = await scene.EipAsync();
        var (idle, _) = await scene.EipAsync();
        await scene.AssociateAsync(eip, eni);
        await Packets.TcpServerAsync(lab, lab.InstanceNamespace(instance), LabScene.TcpPort, "in");
        await Packets.TcpServerAsync(lab, lab.Internet, LabScene.TcpPort, "out");
        var start = DateTimeOffset.UtcNow;
        // In: the internet host connects to the EIP; out: the instance connects to the internet host as its EIP.
        for (var i = 0; i < 5; i++)
        {
            Assert.NotNull(await Packets.TcpAsync(lab, lab.Internet, address, LabScene.TcpPort));
            Assert.NotNull(await Packets.TcpAsync(lab, lab.InstanceNamespace(instance), LabOptionsInternet, LabScene.TcpPort));
        }

        // Each connection is a handshake, a request, an answer and a close: at least 3 packets of 40 bytes and more each way.
        var end = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        var (rx, tx, packets) = await TrafficAsync(scene, eip, start);
        while (packets < 10 * 6 && DateTime.UtcNow < end)
        {
            await Task.Delay(100); // the agent reports every second here; poll for it
            (rx, tx, packets) = await TrafficAsync(scene, eip, start);
        }
        Assert.InRange(packets, 10 * 6, 10 * 20);
        Assert.InRange(rx, 10 * 3 * 40, 10 * 10 * 1500);
        Assert.InRange(tx, 10 * 3 * 40, 10 * 10 * 1500);
        Assert.Equal((0L, 0L, 0L), await TrafficAsync(scene, idle, start));
    }

    private const string LabOptionsInternet = "203.0.113.10";

    private static async Task<(long Rx, long Tx, long Packets)> TrafficAsync(LabScene scene, string allocationId, DateTimeOffset start)
    {
        static string Minute(DateTimeOffset t) => new DateTimeOffset(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero)
            .ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var data = (await scene.Client.Vpc("DescribeEipMonitorData", ("RegionId", LabScene.Region), ("AllocationId", allocationId),
                ("StartTime", Minute(start.AddMinutes(-1))), ("EndTime", Minute(DateTimeOffset.UtcNow.AddMinutes(2)))))
            .Success().GetProperty("EipMonitorDatas").GetProperty("EipMonitorData").EnumerateArray().ToList();
        return (data.Sum(d => d.GetProperty("EipRX").GetInt64()), data.Sum(d => d.GetProperty("EipTX").GetInt64()), data.Sum(d => d.GetProperty("EipPackets").GetInt64()));
    }
}
