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

    public sealed record Result(int Eips, int Changes, Latencies InUse, Latencies FirstPacket, Latencies FirstPacketProcesses, Latencies Plan, Latencies Apply,
        Latencies KernelBaseline, double FullLoadSeconds, double SeedSeconds, EniMoveBench.Result Moves);

    /// <summary>The VPC, vSwitch, security group, instance and EIP the benchmark times.</summary>
    public sealed record Scene(string Namespace, string InstanceId, string AllocationId, string Eip, string VSwitchId, string SecurityGroupId);

    public static async Task<Result> RunAsync(int eips, int changes, CancellationToken ct)
    {
        var prefix = "eipconv" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(2)) + "-";
        var data = Directory.CreateTempSubdirectory("eipnet-conv-").FullName;
        var run = new CommandRunner();
        var lab = new LabTopology(new LabOptions(prefix, [LabOptions.DefaultPool]), run);
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

            using var dataPlane = new LinuxDataPlane(lab, run);
            await using var server = await ServerHost.StartAsync(options with { DataPlane = "agents" }, ct);
            // The agent in this process, through the same contract and HTTP as `eipnet agent`.
            var token = await AgentAdmin.AddAsync(server.Store, "bench", TimeProvider.System, ct);
            await using var agent = RunningAgent.Start(server.Endpoint, token, dataPlane, AgentLoopSettings.Default with { ResyncPeriod = TimeSpan.FromHours(1) });
            while (dataPlane.LastPass is null)
                await Task.Delay(20, ct);
            var fullLoad = dataPlane.LastPass.Plan + dataPlane.LastPass.Apply;
            using var client = new ApiClient(server.Endpoint, account.AccessKeyId, account.AccessKeySecret);
            var scene = await SceneAsync(client, lab, ct);
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
            using var sender = NamespaceSockets.Create(lab.Options.InternetNamespace, () => new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp));
            using var stop = new CancellationTokenSource();
            var target = new IPEndPoint(IPAddress.Parse(eip), Port);
            var sending = SendAsync(sender, target, stop.Token);
            var receiving = ReceiveAsync(receiver, arrivals, stop.Token);

            for (var i = 0; i < changes; i++)
            {
                var processes = i % 2 == 1;
                dataPlane.Applier.ProcessesOnly = processes;
                arrivals.Clear();
                await client.VpcAsync("AssociateEipAddress", ("RegionId", LabCatalog.DefaultRegion), ("AllocationId", allocationId),
                    ("InstanceId", instanceId), ("InstanceType", "EcsInstance"));
                var returned = Stopwatch.GetTimestamp();
                await WaitStatusAsync(client, allocationId, "InUse", ct);
                inUse.Add(Stopwatch.GetElapsedTime(returned).TotalMilliseconds);
                var first = await FirstArrivalAsync(arrivals, returned, ct)
                    ?? throw new InvalidOperationException($"change {i}: no packet reached the instance within 3 s of the association");
                (processes ? firstPacketProcesses : firstPacket).Add(Stopwatch.GetElapsedTime(returned, first).TotalMilliseconds);
                if (!processes && dataPlane.LastPass is { } pass)
                {
                    plan.Add(pass.Plan.TotalMilliseconds);
                    apply.Add(pass.Apply.TotalMilliseconds);
                }
                await client.VpcAsync("UnassociateEipAddress", ("RegionId", LabCatalog.DefaultRegion), ("AllocationId", allocationId),
                    ("InstanceId", instanceId), ("InstanceType", "EcsInstance"));
                await WaitStatusAsync(client, allocationId, "Available", ct);
            }
            dataPlane.Applier.ProcessesOnly = false;
            await stop.CancelAsync();
            receiver.Close();
            await sending;
            await receiving;

            var moves = await EniMoveBench.RunAsync(client, dataPlane, lab, scene, changes, Port, ct);

            // The floor: one nft element change in a process of its own, as the applier makes it, in the same run.
            var baseline = new Latencies("one nft element add + delete (kernel floor)");
            var router = Namespaces.WithPrefix(lab.Options.Prefix + "vpc-").First(); // the VPC's router, where its NAT maps are
            for (var i = 0; i < 20; i++)
            {
                var clock = Stopwatch.StartNew();
                await run.CheckAsync("ip", ["netns", "exec", router, "nft", "add", "element", "ip", "eipnet", "dnat_v4", "{ 198.51.100.254 : 10.10.1.254 }"], ct: ct);
                await run.CheckAsync("ip", ["netns", "exec", router, "nft", "delete", "element", "ip", "eipnet", "dnat_v4", "{ 198.51.100.254 }"], ct: ct);
                baseline.Add(clock.Elapsed.TotalMilliseconds);
            }
            return new Result(eips, changes, inUse, firstPacket, firstPacketProcesses, plan, apply, baseline, fullLoad.TotalSeconds, seedSeconds, moves);
        }
        finally
        {
            await lab.DownAsync(CancellationToken.None);
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

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

    private static async Task<Scene> SceneAsync(ApiClient client, LabTopology lab, CancellationToken ct)
    {
        var region = LabCatalog.DefaultRegion;
        var vpc = (await client.VpcAsync("CreateVpc", ("RegionId", region), ("CidrBlock", "10.10.0.0/16"))).GetProperty("VpcId").GetString()!;
        var vsw = (await client.VpcAsync("CreateVSwitch", ("RegionId", region), ("VpcId", vpc), ("ZoneId", "cn-shanghai-b"), ("CidrBlock", "10.10.1.0/24"))).GetProperty("VSwitchId").GetString()!;
        var sg = (await client.EcsAsync("CreateSecurityGroup", ("RegionId", region), ("VpcId", vpc))).GetProperty("SecurityGroupId").GetString()!;
        await client.EcsAsync("AuthorizeSecurityGroup", ("RegionId", region), ("SecurityGroupId", sg), ("IpProtocol", "UDP"),
            ("PortRange", $"{Port}/{Port}"), ("SourceCidrIp", "0.0.0.0/0"));
        var instance = await RunInstanceAsync(client, new Scene("", "", "", "", vsw, sg), ct);
        var eip = await client.VpcAsync("AllocateEipAddress", ("RegionId", region));
        return new Scene(lab.Options.Plan.InstanceNamespace(instance), instance, eip.GetProperty("AllocationId").GetString()!, eip.GetProperty("EipAddress").GetString()!, vsw, sg);
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

    /// <summary>The report for a set of results (Markdown, as the other benchmarks print it).</summary>
    public static string Report(IReadOnlyList<Result> results)
    {
        var text = new StringBuilder();
        text.AppendLine("Associations (EIP to an instance, NAT): netlink for the even changes, ip/conntrack processes for the odd ones; pass times are the netlink passes'.");
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
        return text.ToString();
    }
}
