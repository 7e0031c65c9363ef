using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Eipnet.Agent.Applying;
using Eipnet.Agent.Kernel;
using Eipnet.Agent.Lab;
using Eipnet.Agent.Running;
using Eipnet.Api.Agents;
using Eipnet.Api.Accounts;
using Eipnet.Api.Catalog;
using Eipnet.Api.Hosting;
using Eipnet.Cli.Client;
using Eipnet.Domain.Addressing;
using Eipnet.Domain.Associations;
using Eipnet.Domain.Resources;
using Eipnet.Store;

namespace Eipnet.Cli.Bench;

/// <summary>Data-plane convergence in the lab: from AssociateEipAddress returning to the EIP showing InUse, and to the first
/// packet from the internet host arriving at the instance through it, with N EIPs associated in all.</summary>
/// <remarks>The other N-1 EIPs are written straight into the store before the server starts (the API would need N private
/// IPs on real ENIs): NAT associations to private IPs of an ENI that does not exist, so they cost what the measured
/// question is about (the nft maps and the planner's work over N EIPs) and create no links. Their addresses come from
/// 100.64.0.0/10 (shared address space, not public) and 10.128.0.0/9: map keys only, never on an interface, never sent to.
/// Packets are timed in-process: a sender socket made inside the internet namespace sends a datagram every millisecond to
/// the EIP, a receiver socket inside the instance namespace notes when the first one arrives. Associations alternate between
/// the data plane's netlink path and its old ip/conntrack process path (the baseline, same run), and so do the ENI moves of
/// <see cref="EniMoveBench"/>, which runs after them.</remarks>
internal static class ConvergenceBench
{
    private const int Port = 7000;
    private static readonly Ipv4Cidr FillerPublic = new(0x64400000, 10);   // 100.64.0.0/10
    private static readonly Ipv4Cidr FillerPrivate = new(0x0A800000, 9);   // 10.128.0.0/9

    /// <summary>One run's figures. With several hosts, <see cref="Moves"/> are moves between two instances on the first compute
    /// host and <see cref="CrossMoves"/> between two on the second (every attach then takes the ENI across hosts), and there
    /// is no process-path baseline (<see cref="FirstPacketProcesses"/> is empty).</summary>
    public sealed record Result(int Hosts, int Eips, int Changes, Latencies InUse, Latencies FirstPacket, Latencies FirstPacketProcesses, Latencies Plan, Latencies Apply,
        Latencies KernelBaseline, double FullLoadSeconds, double SeedSeconds, EniMoveBench.Result Moves, EniMoveBench.Result? CrossMoves, string Placement,
        string LoadBefore, string LoadAfter);

    /// <summary>The VPC, vSwitch, security group, instance and EIP the benchmark times.</summary>
    public sealed record Scene(string Namespace, string InstanceId, string AllocationId, string Eip, string VSwitchId, string SecurityGroupId);

    /// <summary>Measures with <paramref name="eips"/> EIPs on one host (<paramref name="hosts"/> = 1: both roles, the process
    /// path alternating with netlink as the same-run baseline) or on a gateway and <paramref name="hosts"/> - 1 compute hosts
    /// (netlink only).</summary>
    public static async Task<Result> RunAsync(int eips, int changes, int hosts, CancellationToken ct)
    {
        if (hosts is < 1 or 2)
            throw new ArgumentOutOfRangeException(nameof(hosts), hosts, "1 host, or a gateway and at least two compute hosts (moves across hosts need two)");
        var loadBefore = LoadAverage();
        var prefix = "eipconv" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(2)) + "-";
        var data = Directory.CreateTempSubdirectory("eipnet-conv-").FullName;
        var run = new CommandRunner();
        var alternate = hosts == 1;
        try
        {
            var options = new ServerOptions
            {
                Listen = "127.0.0.1:0",
                DataDirectory = data,
                QuietRequestLog = true,
                ResyncPeriod = TimeSpan.FromHours(1),
                Catalog = LabCatalog.From(CatalogLoader.LoadDefault(), [LabOptions.DefaultPool.ToString()]),
            };
            var seedClock = Stopwatch.StartNew();
            var account = await SeedAsync(options, eips - 1, ct);
            var seedSeconds = seedClock.Elapsed.TotalSeconds;

            await using var server = await ServerHost.StartAsync(options with { DataPlane = "agents" }, ct);
            await using var rig = await BenchHosts.StartAsync(server, prefix, hosts, run, AgentLoopSettings.Default with { ResyncPeriod = TimeSpan.FromHours(1) }, ct);
            var fullLoad = rig.FullLoad;
            using var client = new ApiClient(server.Endpoint, account.AccessKeyId, account.AccessKeySecret);
            var scene = await SceneAsync(client, rig, ct);
            var (instanceNs, instanceId, allocationId, eip) = (scene.Namespace, scene.InstanceId, scene.AllocationId, scene.Eip);

            var inUse = new Latencies("AssociateEipAddress returned -> InUse");
            var firstPacket = new Latencies("AssociateEipAddress returned -> first packet at the instance");
            var firstPacketProcesses = new Latencies("AssociateEipAddress returned -> first packet at the instance, ip/conntrack processes");
            var plan = new Latencies("data-plane pass: fold + plan + diff");
            var apply = new Latencies("data-plane pass: apply (kernel commands)");
            var arrivals = new ConcurrentQueue<long>();
            using var receiver = NamespaceSockets.Create(instanceNs, () =>
            {
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                s.Bind(new IPEndPoint(IPAddress.Any, Port));
                return s;
            });
            using var sender = NamespaceSockets.Create(rig.InternetNamespace, () => new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp));
            using var stop = new CancellationTokenSource();
            var target = new IPEndPoint(IPAddress.Parse(eip), Port);
            var sending = SendAsync(sender, target, stop.Token);
            var receiving = ReceiveAsync(receiver, arrivals, stop.Token);

            for (var i = 0; i < changes; i++)
            {
                var processes = alternate && i % 2 == 1;
                rig.ProcessesOnly = processes;
                arrivals.Clear();
                await client.VpcAsync("AssociateEipAddress", ("RegionId", LabCatalog.DefaultRegion), ("AllocationId", allocationId),
                    ("InstanceId", instanceId), ("InstanceType", "EcsInstance"));
                var returned = Stopwatch.GetTimestamp();
                await WaitStatusAsync(client, allocationId, "InUse", ct);
                inUse.Add(Stopwatch.GetElapsedTime(returned).TotalMilliseconds);
                var first = await FirstArrivalAsync(arrivals, returned, ct)
                    ?? throw new InvalidOperationException($"change {i}: no packet reached the instance within 3 s of the association");
                (processes ? firstPacketProcesses : firstPacket).Add(Stopwatch.GetElapsedTime(returned, first).TotalMilliseconds);
                // The gateway's pass: where a NAT association's work is (the translation maps).
                if (!processes && rig.Gateway.DataPlane.LastPass is { } pass)
                {
                    plan.Add(pass.Plan.TotalMilliseconds);
                    apply.Add(pass.Apply.TotalMilliseconds);
                }
                await client.VpcAsync("UnassociateEipAddress", ("RegionId", LabCatalog.DefaultRegion), ("AllocationId", allocationId),
                    ("InstanceId", instanceId), ("InstanceType", "EcsInstance"));
                await WaitStatusAsync(client, allocationId, "Available", ct);
            }
            rig.ProcessesOnly = false;
            await stop.CancelAsync();
            receiver.Close();
            await sending;
            await receiving;

            EniMoveBench.Result moves;
            EniMoveBench.Result? crossMoves = null;
            string placement;
            if (hosts == 1)
            {
                var b = await RunInstanceAsync(client, scene, ct);
                moves = await EniMoveBench.RunAsync(client, rig, scene, [scene.InstanceId, b], changes, alternate: true, Port, ct);
                placement = "one host";
            }
            else
            {
                // Two instances on each of the first two compute hosts (placement is least-loaded, so running three more
                // gives each at least two). Their primary ENIs keep the VPC on both hosts, so no move changes where the VPC
                // has compute hosts (which plans in full by design) and every move is planned incrementally. A detached
                // ENI waits on the first compute host: every timed attach to the first pair stays on that host, every
                // attach to the second pair takes the ENI across hosts.
                List<string> instances = [scene.InstanceId];
                for (var i = 0; i < 3; i++)
                    instances.Add(await RunInstanceAsync(client, scene, ct));
                var placed = new List<(string Instance, string Host)>();
                foreach (var i in instances)
                    placed.Add((i, await HostOfAsync(client, i)));
                placement = string.Join(", ", placed.Select(p => $"{p.Instance} on {p.Host}"));
                var first = rig.Hosts[1].Name;
                var second = rig.Hosts[2].Name;
                var same = placed.Where(p => p.Host == first).Select(p => p.Instance).Take(2).ToArray();
                var across = placed.Where(p => p.Host == second).Select(p => p.Instance).Take(2).ToArray();
                if (same.Length < 2 || across.Length < 2)
                    throw new InvalidOperationException($"placement did not give two instances on each of {first} and {second}: {placement}");
                moves = await EniMoveBench.RunAsync(client, rig, scene, same, changes, alternate: false, Port, ct);
                crossMoves = await EniMoveBench.RunAsync(client, rig, scene, across, changes, alternate: false, Port, ct);
            }

            // The floor: one nft element change in a process of its own, as the applier makes it, in the same run.
            var baseline = new Latencies("one nft element add + delete (kernel floor)");
            var router = Namespaces.WithPrefix(rig.Gateway.Topology.Options.Prefix + "vpc-").First(); // a VPC's router on the gateway, where its NAT maps are
            for (var i = 0; i < 20; i++)
            {
                var clock = Stopwatch.StartNew();
                await run.CheckAsync("ip", ["netns", "exec", router, "nft", "add", "element", "ip", "eipnet", "dnat_v4", "{ 198.51.100.254 : 10.10.1.254 }"], ct: ct);
                await run.CheckAsync("ip", ["netns", "exec", router, "nft", "delete", "element", "ip", "eipnet", "dnat_v4", "{ 198.51.100.254 }"], ct: ct);
                baseline.Add(clock.Elapsed.TotalMilliseconds);
            }
            return new Result(hosts, eips, changes, inUse, firstPacket, firstPacketProcesses, plan, apply, baseline, fullLoad.TotalSeconds, seedSeconds,
                moves, crossMoves, placement, loadBefore, LoadAverage());
        }
        finally
        {
            await new LabTopology(new LabOptions(prefix, [LabOptions.DefaultPool]), run).DownAsync(CancellationToken.None);
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>The 1, 5 and 15 minute load averages (/proc/loadavg).</summary>
    internal static string LoadAverage() =>
        string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static async Task<string> HostOfAsync(ApiClient client, string instance) =>
        (await client.EcsAsync("DescribeInstances", ("RegionId", LabCatalog.DefaultRegion), ("InstanceIds", $"[\"{instance}\"]")))
            .GetProperty("Instances").GetProperty("Instance")[0].GetProperty("EipnetHost").GetString() ?? "";

    private static async Task<Account> SeedAsync(ServerOptions options, int fillers, CancellationToken ct)
    {
        await using var store = ServerHost.OpenStore(options);
        await store.MigrateAsync(ct);
        var account = await AccountAdmin.CreateAsync(store, "bench", multiEip: true, TimeProvider.System, ct);
        await AccountAdmin.SetQuotaAsync(store, account.AccountId, "eips", 1_000_000, ct);
        var now = DateTimeOffset.UtcNow;
        // The fillers' ENI: an instance of its own in a VPC of its own, so the planner has a router to put the fillers' map
        // elements in (an EIP whose ENI is on no host steers nowhere). The fillers' private addresses are map keys only: they
        // are not the ENI's, which the API would refuse and which is what keeps them off every interface.
        const string vpcId = "vpc-filler", vSwitchId = "vsw-filler", instanceId = "i-filler", eniId = "eni-filler", zone = "cn-shanghai-b";
        await store.WriteAsync(WriteScope.Account(account.AccountId), async s =>
        {
            var rev = await s.RevisionAsync();
            await s.PutAsync(new Vpc(vpcId, account.AccountId, LabCatalog.DefaultRegion, "10.127.0.0/16", "filler", "", now), forDataPlane: false);
            await s.PutAsync(new VSwitch(vSwitchId, account.AccountId, LabCatalog.DefaultRegion, vpcId, zone, "10.127.1.0/24", "filler", "", now), forDataPlane: false);
            await s.PutAsync(new Instance(instanceId, account.AccountId, LabCatalog.DefaultRegion, zone, vpcId, vSwitchId, "ecs.g7.large", "ubuntu_22_04_x64",
                instanceId, instanceId, "", InstanceStatus.Running, eniId, now, now, rev), forDataPlane: false);
            await s.PutAsync(new NetworkInterface(eniId, account.AccountId, LabCatalog.DefaultRegion, zone, vpcId, vSwitchId, EniType.Primary, EniStatus.InUse,
                instanceId, 0, "02:00:00:7f:01:02", "10.127.1.2", [], [], eniId, "", false, now, rev), forDataPlane: false);
            return 0;
        }, ct);
        const int batch = 5000;
        for (var start = 0; start < fillers; start += batch)
        {
            await store.WriteAsync(WriteScope.Account(account.AccountId), async s =>
            {
                var rev = await s.RevisionAsync();
                for (var i = start; i < Math.Min(fillers, start + batch); i++)
                {
                    var association = new Association("eni-filler", Association.NetworkInterface, "eni-filler",
                        Ipv4Cidr.Format(FillerPrivate.Network + 2 + (uint)i), AssociationMode.Nat);
                    await s.PutAsync(new Eip($"eip-filler{i:D12}", account.AccountId, LabCatalog.DefaultRegion, Ipv4Cidr.Format(FillerPublic.Network + 2 + (uint)i),
                        EipStatus.InUse, 5, "PayByTraffic", "PostPaid", "BGP", "", "", now, association, rev), forDataPlane: false);
                }
                return 0;
            }, ct);
        }
        return account;
    }

    /// <summary>Sends a datagram to <paramref name="target"/> every millisecond until stopped.</summary>
    internal static Task SendAsync(Socket sender, IPEndPoint target, CancellationToken stop) => Task.Run(async () =>
    {
        var payload = new byte[8];
        while (!stop.IsCancellationRequested)
        {
            try { sender.SendTo(payload, target); } catch (SocketException) { } // unreachable while unassociated
            await Task.Delay(1, CancellationToken.None);
        }
    }, CancellationToken.None);

    /// <summary>Notes when each datagram arrives, until the socket is closed.</summary>
    internal static Task ReceiveAsync(Socket receiver, ConcurrentQueue<long> arrivals, CancellationToken stop) => Task.Run(() =>
    {
        var buffer = new byte[64];
        while (!stop.IsCancellationRequested)
        {
            try
            {
                receiver.Receive(buffer);
                arrivals.Enqueue(Stopwatch.GetTimestamp());
            }
            catch (SocketException) { return; }
            catch (ObjectDisposedException) { return; }
        }
    }, CancellationToken.None);

    /// <summary>The first arrival at or after <paramref name="since"/>, waiting up to 3 s for one; null when none came.</summary>
    internal static async Task<long?> FirstArrivalAsync(ConcurrentQueue<long> arrivals, long since, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 3;
        long first;
        while ((first = arrivals.Where(a => a >= since).DefaultIfEmpty(0).Min()) == 0)
        {
            if (Stopwatch.GetTimestamp() > deadline)
                return null;
            await Task.Delay(1, ct);
        }
        return first;
    }

    private static async Task<Scene> SceneAsync(ApiClient client, BenchHosts rig, CancellationToken ct)
    {
        var region = LabCatalog.DefaultRegion;
        var vpc = (await client.VpcAsync("CreateVpc", ("RegionId", region), ("CidrBlock", "10.10.0.0/16"))).GetProperty("VpcId").GetString()!;
        var vsw = (await client.VpcAsync("CreateVSwitch", ("RegionId", region), ("VpcId", vpc), ("ZoneId", "cn-shanghai-b"), ("CidrBlock", "10.10.1.0/24"))).GetProperty("VSwitchId").GetString()!;
        var sg = (await client.EcsAsync("CreateSecurityGroup", ("RegionId", region), ("VpcId", vpc))).GetProperty("SecurityGroupId").GetString()!;
        await client.EcsAsync("AuthorizeSecurityGroup", ("RegionId", region), ("SecurityGroupId", sg), ("IpProtocol", "UDP"),
            ("PortRange", $"{Port}/{Port}"), ("SourceCidrIp", "0.0.0.0/0"));
        var instance = await RunInstanceAsync(client, new Scene("", "", "", "", vsw, sg), ct);
        var eip = await client.VpcAsync("AllocateEipAddress", ("RegionId", region));
        return new Scene(rig.InstanceNamespace(instance), instance, eip.GetProperty("AllocationId").GetString()!, eip.GetProperty("EipAddress").GetString()!, vsw, sg);
    }

    /// <summary>Runs an instance in the scene's vSwitch and security group and waits until it is Running.</summary>
    internal static async Task<string> RunInstanceAsync(ApiClient client, Scene scene, CancellationToken ct)
    {
        var region = LabCatalog.DefaultRegion;
        var instance = (await client.EcsAsync("RunInstances", ("RegionId", region), ("InstanceType", "ecs.g7.large"), ("ImageId", "ubuntu_22_04_x64"),
            ("VSwitchId", scene.VSwitchId), ("SecurityGroupId", scene.SecurityGroupId))).GetProperty("InstanceIdSets").GetProperty("InstanceIdSet")[0].GetString()!;
        while ((await client.EcsAsync("DescribeInstances", ("RegionId", region), ("InstanceIds", $"[\"{instance}\"]")))
            .GetProperty("Instances").GetProperty("Instance")[0].GetProperty("Status").GetString() != "Running")
            await Task.Delay(20, ct);
        return instance;
    }

    internal static Task WaitStatusAsync(ApiClient client, string allocationId, string status, CancellationToken ct) =>
        WaitStatusAsync(allocationId, status, async () =>
            (await client.VpcAsync("DescribeEipAddresses", ("RegionId", LabCatalog.DefaultRegion), ("AllocationId", allocationId)))
                .GetProperty("EipAddresses").GetProperty("EipAddress")[0].GetProperty("Status").GetString(), ct);

    /// <summary>Polls <paramref name="current"/> every 2 ms until it is <paramref name="status"/>; throws after 10 s.</summary>
    internal static async Task WaitStatusAsync(string id, string status, Func<Task<string?>> current, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 10;
        while (await current() != status)
        {
            if (Stopwatch.GetTimestamp() > deadline)
                throw new TimeoutException($"{id} did not become {status} within 10 s");
            await Task.Delay(2, ct);
        }
    }

    /// <summary>The report for a set of results (Markdown, as the other benchmarks print it): the single-host tables, then the
    /// several-host ones with their ratios to the single-host result of the same EIP count in the same run.</summary>
    public static string Report(IReadOnlyList<Result> all)
    {
        static string F(double v) => v.ToString("F1", CultureInfo.InvariantCulture);
        static string P(Latencies l) => $"{F(l.Percentile(50))} / {F(l.Percentile(99))}";
        static string Ratio(Latencies l, Latencies? baseline) => baseline is null ? "-"
            : string.Create(CultureInfo.InvariantCulture, $"{l.Percentile(50) / baseline.Percentile(50):F2}x / {l.Percentile(99) / baseline.Percentile(99):F2}x");
        var text = new StringBuilder();
        var results = all.Where(r => r.Hosts == 1).ToList();
        if (results.Count > 0)
        {
            text.AppendLine("One host (both roles). Associations (EIP to an instance, NAT): netlink for the even changes, ip/conntrack processes for the odd ones; pass times are the netlink passes'.");
            text.AppendLine();
            text.AppendLine("| EIPs | changes | InUse p50 / p99 ms | first packet p50 / p99 ms | first packet p50 / p99 ms, processes | pass plan p50 ms | pass apply p50 ms | kernel floor p50 ms | first packet p50 / floor | full load s |");
            text.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
            foreach (var r in results)
            {
                text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {r.Eips:N0} | {r.Changes} | {r.InUse.Percentile(50):F1} / {r.InUse.Percentile(99):F1} | {r.FirstPacket.Percentile(50):F1} / {r.FirstPacket.Percentile(99):F1} | {r.FirstPacketProcesses.Percentile(50):F1} / {r.FirstPacketProcesses.Percentile(99):F1} | {r.Plan.Percentile(50):F1} | {r.Apply.Percentile(50):F1} | {r.KernelBaseline.Percentile(50):F1} | {r.FirstPacket.Percentile(50) / r.KernelBaseline.Percentile(50):F1} | {r.FullLoadSeconds:F2} |"));
            }
            text.AppendLine();
            text.AppendLine("ENI moves (an ENI with a NAT EIP attached to one instance, then the other; detached in between): netlink and ip/conntrack processes in turn.");
            text.AppendLine();
            text.Append(EniMoveBench.ReportHeader);
            foreach (var r in results)
                text.AppendLine(EniMoveBench.Report(r.Eips, r.Moves));
        }
        foreach (var group in all.Where(r => r.Hosts > 1).GroupBy(r => r.Hosts))
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"{group.Key} hosts (gateway g1, compute hosts c1..c{group.Key - 1}; netlink only). Associations: the internet host on g1 to an instance on a compute host; pass times are the gateway's; ratios are to one host's netlink figures at the same EIP count in the same run (p50 / p99).");
            text.AppendLine();
            text.AppendLine("| EIPs | changes | InUse p50 / p99 ms | first packet p50 / p99 ms | one host, same run | ratio | gateway pass plan / apply p50 ms | full load s (slowest host) | one host |");
            text.AppendLine("|---|---|---|---|---|---|---|---|---|");
            foreach (var r in group)
            {
                var one = all.FirstOrDefault(o => o.Hosts == 1 && o.Eips == r.Eips);
                text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {r.Eips:N0} | {r.Changes} | {P(r.InUse)} | {P(r.FirstPacket)} | {(one is null ? "-" : P(one.FirstPacket))} | {Ratio(r.FirstPacket, one?.FirstPacket)} | {F(r.Plan.Percentile(50))} / {F(r.Apply.Percentile(50))} | {r.FullLoadSeconds:F2} | {(one is null ? "-" : one.FullLoadSeconds.ToString("F2", CultureInfo.InvariantCulture))} |"));
            }
            text.AppendLine();
            text.AppendLine("ENI moves, attach -> first packet at the new instance (ms): same host = between two instances on c1 (where a detached ENI waits), across hosts = between two on c2 (each attach takes the ENI from c1 to c2); apply is the target host's attach pass.");
            text.AppendLine();
            text.AppendLine("| EIPs | moves each | same host p50 / p99 | across hosts p50 / p99 | one host (netlink), same run | same host / one host | across / one host | apply p50 / p99, same host | apply p50 / p99, across |");
            text.AppendLine("|---|---|---|---|---|---|---|---|---|");
            foreach (var r in group)
            {
                var one = all.FirstOrDefault(o => o.Hosts == 1 && o.Eips == r.Eips)?.Moves.FirstPacket.Netlink;
                var cross = r.CrossMoves!;
                text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {r.Eips:N0} | {r.Moves.FirstPacket.Netlink.Count} | {P(r.Moves.FirstPacket.Netlink)} | {P(cross.FirstPacket.Netlink)} | {(one is null ? "-" : P(one))} | {Ratio(r.Moves.FirstPacket.Netlink, one)} | {Ratio(cross.FirstPacket.Netlink, one)} | {P(r.Moves.Apply.Netlink)} | {P(cross.Apply.Netlink)} |"));
            }
        }
        text.AppendLine();
        text.AppendLine("Load averages (1, 5, 15 min) at the start and end of each measurement:");
        text.AppendLine();
        foreach (var r in all)
            text.AppendLine(CultureInfo.InvariantCulture, $"- {r.Eips:N0} EIPs, {r.Hosts} host(s): {r.LoadBefore} -> {r.LoadAfter}{(r.Hosts > 1 ? $" ({r.Placement})" : "")}");
        return text.ToString();
    }
}
