using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Eipnet.Agent.Kernel;
using Eipnet.Api.Catalog;
using Eipnet.Cli.Client;

namespace Eipnet.Cli.Bench;

/// <summary>The ENI-migration part of the convergence benchmark: an ENI with an EIP (NAT) is attached to one instance and
/// then the other, and each move is timed from the AttachNetworkInterface call returning to the first datagram sent to the
/// EIP arriving at the new instance. The data plane carries each attach out through netlink and through ip and conntrack
/// processes (the old way) in turn, so both are measured in the same run, under the same load.</summary>
internal static class EniMoveBench
{
    public sealed record Result(Ways<Latencies> FirstPacket, Ways<Latencies> Apply, Ways<List<long>> Commands);

    /// <summary>A measure taken through netlink and through processes.</summary>
    public sealed record Ways<T>(T Netlink, T Processes);

    /// <summary>Moves a new ENI (with a new NAT EIP) between the two <paramref name="instances"/> <paramref name="moves"/> times,
    /// through netlink only, or through netlink and the process path in turn when <paramref name="alternate"/>. The pass
    /// timed is that of the host the ENI is attached to.</summary>
    public static async Task<Result> RunAsync(ApiClient client, BenchHosts rig, ConvergenceBench.Scene scene, string[] instances, int moves, bool alternate, int port, CancellationToken ct)
    {
        var region = LabCatalog.DefaultRegion;
        var eni = (await client.EcsAsync("CreateNetworkInterface", ("RegionId", region), ("VSwitchId", scene.VSwitchId), ("SecurityGroupId", scene.SecurityGroupId)))
            .GetProperty("NetworkInterfaceId").GetString()!;
        var eip = await client.VpcAsync("AllocateEipAddress", ("RegionId", region));
        var allocationId = eip.GetProperty("AllocationId").GetString()!;
        await client.VpcAsync("AssociateEipAddress", ("RegionId", region), ("AllocationId", allocationId), ("InstanceId", eni),
            ("InstanceType", "NetworkInterface"), ("Mode", "NAT"));
        await ConvergenceBench.WaitStatusAsync(client, allocationId, "InUse", ct);

        var result = new Result(
            new(new Latencies("AttachNetworkInterface returned -> first packet at the new instance (netlink)"), new Latencies("... (ip and conntrack processes)")),
            new(new Latencies("attach pass: apply (netlink)"), new Latencies("attach pass: apply (processes)")),
            new([], []));
        var arrivals = instances.ToDictionary(i => i, _ => new ConcurrentQueue<long>());
        var receivers = instances.Select(i => NamespaceSockets.Create(rig.InstanceNamespace(i), () =>
        {
            var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            s.Bind(new IPEndPoint(IPAddress.Any, port));
            return s;
        })).ToList();
        using var sender = NamespaceSockets.Create(rig.InternetNamespace, () => new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp));
        using var stop = new CancellationTokenSource();
        var target = new IPEndPoint(IPAddress.Parse(eip.GetProperty("EipAddress").GetString()!), port);
        var tasks = instances.Select((i, n) => ConvergenceBench.ReceiveAsync(receivers[n], arrivals[i], stop.Token)).Append(ConvergenceBench.SendAsync(sender, target, stop.Token)).ToList();
        try
        {
            for (var m = 0; m < moves; m++)
            {
                var processes = alternate && m % 2 == 1;
                rig.ProcessesOnly = processes;
                var to = instances[m % 2];
                var dataPlane = rig.HostOf(to).DataPlane;
                arrivals[to].Clear();
                var passBefore = dataPlane.LastPass;
                await client.EcsAsync("AttachNetworkInterface", ("RegionId", region), ("NetworkInterfaceId", eni), ("InstanceId", to));
                var returned = Stopwatch.GetTimestamp();
                var first = await ConvergenceBench.FirstArrivalAsync(arrivals[to], returned, ct)
                    ?? throw new InvalidOperationException($"move {m}: no packet reached {to} within 3 s of the attach call");
                (processes ? result.FirstPacket.Processes : result.FirstPacket.Netlink).Add(Stopwatch.GetElapsedTime(returned, first).TotalMilliseconds);
                // The pass that carried the attach out has reported once the ENI shows InUse.
                await WaitEniAsync(client, eni, "InUse", ct);
                if (dataPlane.LastPass is { } pass && !ReferenceEquals(pass, passBefore))
                {
                    (processes ? result.Apply.Processes : result.Apply.Netlink).Add(pass.Apply.TotalMilliseconds);
                    (processes ? result.Commands.Processes : result.Commands.Netlink).Add(pass.Commands);
                }
                await client.EcsAsync("DetachNetworkInterface", ("RegionId", region), ("NetworkInterfaceId", eni), ("InstanceId", to));
                await WaitEniAsync(client, eni, "Available", ct);
            }
        }
        finally
        {
            rig.ProcessesOnly = false;
            await stop.CancelAsync();
            foreach (var r in receivers)
                r.Dispose();
            await Task.WhenAll(tasks);
        }
        return result;
    }

    private static Task WaitEniAsync(ApiClient client, string eni, string status, CancellationToken ct) =>
        ConvergenceBench.WaitStatusAsync(eni, status, async () =>
            (await client.EcsAsync("DescribeNetworkInterfaces", ("RegionId", LabCatalog.DefaultRegion), ("NetworkInterfaceId.1", eni)))
                .GetProperty("NetworkInterfaceSets").GetProperty("NetworkInterfaceSet")[0].GetProperty("Status").GetString(), ct);

    /// <summary>The ENI-migration rows of the report (Markdown).</summary>
    public static string Report(int eips, Result r)
    {
        static string P(Latencies l) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{l.Percentile(50):F1} / {l.Percentile(99):F1}");
        static string Mean(List<long> c) => c.Count == 0 ? "-" : c.Average().ToString("F0", System.Globalization.CultureInfo.InvariantCulture);
        var ratio = r.FirstPacket.Processes.Percentile(50) / r.FirstPacket.Netlink.Percentile(50);
        var applyRatio = r.Apply.Processes.Percentile(50) / r.Apply.Netlink.Percentile(50);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"| {eips:N0} | {r.FirstPacket.Netlink.Count} + {r.FirstPacket.Processes.Count} | {P(r.FirstPacket.Netlink)} | {P(r.FirstPacket.Processes)} | {ratio:F1}x | {P(r.Apply.Netlink)} | {P(r.Apply.Processes)} | {applyRatio:F1}x | {Mean(r.Commands.Netlink)} / {Mean(r.Commands.Processes)} |");
    }

    public const string ReportHeader =
        "| EIPs | moves (netlink + processes) | attach -> first packet p50 / p99 ms, netlink | same, processes | p50 processes / netlink | attach pass apply p50 / p99 ms, netlink | same, processes | apply p50 processes / netlink | processes forked per attach pass, netlink / processes |\n"
        + "|---|---|---|---|---|---|---|---|---|\n";
}
