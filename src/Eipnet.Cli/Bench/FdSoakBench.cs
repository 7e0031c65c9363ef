using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Eipnet.Agent.Kernel;
using Eipnet.Agent.Lab;
using Eipnet.Api.Catalog;
using Eipnet.Cli.Client;

namespace Eipnet.Cli.Bench;

/// <summary>The descriptor soak of issue 9 against a real `eipnet server --dataplane linux` process on a lab of its own:
/// associate/unassociate cycles on a NAT EIP, then a hold with the 1 s resync running, the server's open descriptors
/// (/proc/PID/fd) sampled all along; then, optionally, many idle client connections (which push every new descriptor of the
/// server above 1023) and the gateway namespace deleted under it: the time until it is rebuilt and a new association
/// carries a TCP connection from the lab's internet host.</summary>
public static class FdSoakBench
{
    public sealed record Options(int Cycles, TimeSpan Hold, int IdleConnections, string Prefix);

    public sealed record Result(
        int Cycles, double CyclesSeconds, double HoldSeconds, int Ready, int Start, int Peak, int End, int Helpers,
        int IdleConnections, int? FdsWithIdle, double? RepairSeconds, bool? IdleStillServed)
    {
        public int Drift => End - Start;
    }

    private const string Region = LabCatalog.DefaultRegion, Zone = "cn-shanghai-b";
    private const int Port = 8080;

    public static async Task<Result> RunAsync(Options options, Action<string> progress, CancellationToken ct)
    {
        var data = Directory.CreateTempSubdirectory("eipnet-fd-soak-").FullName;
        var run = new CommandRunner();
        var lab = new LabTopology(new LabOptions(options.Prefix, [LabOptions.DefaultPool]), run);
        var (id, secret) = ("LTAIfdsoak0000000001", Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
        var server = ServerProcess.Start(options.Prefix, data, id, secret);
        Process? listener = null;
        try
        {
            var endpoint = await server.ReadyAsync(ct);
            using var client = new ApiClient(endpoint, id, secret);
            var ready = server.Descriptors();
            var (eni, instanceId) = await SceneAsync(client);
            var allocation = (await client.VpcAsync("AllocateEipAddress", ("RegionId", Region))).GetProperty("AllocationId").GetString()!;

            // Warm-up: the first pass, the nft session and the connection pools open once and stay.
            for (var i = 0; i < 20; i++)
                await CycleAsync(client, allocation, eni, ct);
            var start = server.Descriptors();
            progress($"server pid {server.Id}: {ready} fds when ready, {start} after 20 warm-up cycles");

            using var sampling = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var peak = start;
            var sampler = Task.Run(async () =>
            {
                using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
                while (await timer.WaitForNextTickAsync(sampling.Token).ConfigureAwait(false))
                    peak = Math.Max(peak, server.Descriptors());
            }, CancellationToken.None);

            var clock = Stopwatch.StartNew();
            for (var i = 1; i <= options.Cycles; i++)
            {
                await CycleAsync(client, allocation, eni, ct);
                if (i % 1000 == 0)
                    progress($"{i:N0} cycles, {clock.Elapsed.TotalSeconds:F0} s: {server.Descriptors()} fds (peak {peak})");
            }
            var cyclesSeconds = clock.Elapsed.TotalSeconds;
            progress($"{options.Cycles:N0} cycles in {cyclesSeconds:F0} s: {server.Descriptors()} fds; holding {options.Hold.TotalSeconds:F0} s of 1 s resyncs");
            var hold = Stopwatch.StartNew();
            var next = TimeSpan.FromMinutes(1);
            while (hold.Elapsed < options.Hold)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, Math.Max(1, (options.Hold - hold.Elapsed).TotalMilliseconds))), ct);
                if (hold.Elapsed >= next)
                {
                    progress($"hold {hold.Elapsed.TotalMinutes:F0} min: {server.Descriptors()} fds (peak {peak})");
                    next += TimeSpan.FromMinutes(1);
                }
            }
            var end = server.Descriptors();
            await sampling.CancelAsync();
            await sampler.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            peak = Math.Max(peak, end);
            var helpers = server.Children("eipnet-nft");

            int? withIdle = null;
            double? repair = null;
            bool? served = null;
            if (options.IdleConnections > 0)
            {
                var gateway = lab.Options.Plan.GatewayNamespace;
                var idle = await IdleSocketsAsync(endpoint, options.IdleConnections, ct);
                try
                {
                    withIdle = server.Descriptors();
                    progress($"{options.IdleConnections} idle connections open: server + agent at {withIdle} fds; deleting {gateway}");
                    listener = StartListener(lab.Options.Plan.InstanceNamespace(instanceId));
                    var address = (await client.VpcAsync("DescribeEipAddresses", ("RegionId", Region), ("AllocationId", allocation)))
                        .GetProperty("EipAddresses").GetProperty("EipAddress")[0].GetProperty("IpAddress").GetString()!;
                    var oldHelper = server.ChildIn("eipnet-nft", Namespaces.Inode(gateway))
                        ?? throw new InvalidOperationException($"no nft helper of the server in {gateway}");
                    var repairClock = Stopwatch.StartNew();
                    var deleted = await run.IpAsync(null, ["netns", "del", gateway], ct);
                    if (!deleted.Succeeded)
                        throw new CommandFailedException(deleted);
                    await client.VpcAsync("AssociateEipAddress", ("RegionId", Region), ("AllocationId", allocation), ("InstanceId", eni),
                        ("InstanceType", "NetworkInterface"), ("Mode", "NAT"));
                    // Repaired: the helper in the old namespace ended (so the namespace is gone: nothing else of ours was in it), a
                    // gateway namespace of that name again, and the EIP carrying a connection through it. (Not the namespace's
                    // inode: once the old one is freed, the new one may get the same number.)
                    while (!(!Directory.Exists($"/proc/{oldHelper}") && Namespaces.Exists(gateway)
                        && await ConnectsAsync(run, lab.Options.InternetNamespace, address, ct)))
                    {
                        if (repairClock.Elapsed > TimeSpan.FromMinutes(2) || server.HasExited)
                            throw new InvalidOperationException($"the gateway was not repaired within {repairClock.Elapsed.TotalSeconds:F0} s (server "
                                + (server.HasExited ? "exited" : "running") + "):\n" + server.Tail());
                        await Task.Delay(20, ct);
                    }
                    repair = repairClock.Elapsed.TotalSeconds;
                    await WaitForStatusAsync(client, allocation, "InUse", ct);
                    served = await ServedAsync(idle[^1], endpoint, ct);
                }
                finally
                {
                    idle.ForEach(s => s.Dispose());
                }
            }
            return new Result(options.Cycles, cyclesSeconds, options.Hold.TotalSeconds, ready, start, peak, end, helpers,
                options.IdleConnections, withIdle, repair, served);
        }
        finally
        {
            if (listener is not null)
                OwnedProcess.End(listener);
            server.Stop();
            await lab.DownAsync(CancellationToken.None);
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    public static string Report(Result r)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"| phase | server + agent fds |");
        text.AppendLine("|---|---|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| ready (server started) | {r.Ready} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| start (after 20 warm-up cycles) | {r.Start} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| peak (sampled every 250 ms) | {r.Peak} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| end ({r.Cycles:N0} cycles in {r.CyclesSeconds:F0} s, then {r.HoldSeconds:F0} s of 1 s resyncs) | {r.End} (drift {r.Drift:+0;-0;0}) |");
        text.AppendLine(CultureInfo.InvariantCulture, $"\nnft helpers alive at the end: {r.Helpers} (one per namespace that has had an nft change).");
        if (r.IdleConnections > 0)
            text.AppendLine(CultureInfo.InvariantCulture, $"\nWith {r.IdleConnections:N0} idle connections ({r.FdsWithIdle} server + agent fds) the gateway namespace was deleted: "
                + $"rebuilt and a new association carrying TCP after {r.RepairSeconds:F2} s; an idle connection still served: {(r.IdleStillServed == true ? "yes" : "no")}.");
        return text.ToString();
    }

    private static async Task<(string Eni, string InstanceId)> SceneAsync(ApiClient client)
    {
        var vpc = (await client.VpcAsync("CreateVpc", ("RegionId", Region), ("CidrBlock", "10.77.0.0/16"))).GetProperty("VpcId").GetString()!;
        var vSwitch = (await client.VpcAsync("CreateVSwitch", ("RegionId", Region), ("VpcId", vpc), ("ZoneId", Zone), ("CidrBlock", "10.77.1.0/24")))
            .GetProperty("VSwitchId").GetString()!;
        var group = (await client.EcsAsync("CreateSecurityGroup", ("RegionId", Region), ("VpcId", vpc))).GetProperty("SecurityGroupId").GetString()!;
        await client.EcsAsync("AuthorizeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", group), ("IpProtocol", "TCP"),
            ("PortRange", $"{Port}/{Port}"), ("SourceCidrIp", "0.0.0.0/0"));
        var instance = (await client.EcsAsync("RunInstances", ("RegionId", Region), ("InstanceType", "ecs.g7.large"), ("ImageId", "ubuntu_22_04_x64"),
            ("VSwitchId", vSwitch), ("SecurityGroupId", group))).GetProperty("InstanceIdSets").GetProperty("InstanceIdSet")[0].GetString()!;
        var eni = (await client.EcsAsync("DescribeNetworkInterfaces", ("RegionId", Region), ("InstanceId", instance), ("Type", "Primary")))
            .GetProperty("NetworkInterfaceSets").GetProperty("NetworkInterfaceSet")[0].GetProperty("NetworkInterfaceId").GetString()!;
        return (eni, instance);
    }

    private static async Task CycleAsync(ApiClient client, string allocation, string eni, CancellationToken ct)
    {
        await client.VpcAsync("AssociateEipAddress", ("RegionId", Region), ("AllocationId", allocation), ("InstanceId", eni),
            ("InstanceType", "NetworkInterface"), ("Mode", "NAT"));
        await WaitForStatusAsync(client, allocation, "InUse", ct);
        await client.VpcAsync("UnassociateEipAddress", ("RegionId", Region), ("AllocationId", allocation), ("InstanceId", eni),
            ("InstanceType", "NetworkInterface"));
        await WaitForStatusAsync(client, allocation, "Available", ct);
    }

    private static async Task WaitForStatusAsync(ApiClient client, string allocation, string status, CancellationToken ct)
    {
        var limit = Stopwatch.StartNew();
        while (true)
        {
            var eip = (await client.VpcAsync("DescribeEipAddresses", ("RegionId", Region), ("AllocationId", allocation)))
                .GetProperty("EipAddresses").GetProperty("EipAddress")[0];
            if (eip.GetProperty("Status").GetString() == status)
                return;
            if (limit.Elapsed > TimeSpan.FromSeconds(30))
                throw new TimeoutException($"EIP {allocation} did not become {status} within 30 s (it is {eip.GetProperty("Status").GetString()}).");
            await Task.Delay(2, ct);
        }
    }

    private static async Task<List<Socket>> IdleSocketsAsync(Uri endpoint, int count, CancellationToken ct)
    {
        var sockets = new List<Socket>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                sockets.Add(socket);
                await socket.ConnectAsync(endpoint.Host, endpoint.Port, ct);
            }
            return sockets;
        }
        catch
        {
            sockets.ForEach(s => s.Dispose());
            throw;
        }
    }

    private static async Task<bool> ServedAsync(Socket socket, Uri endpoint, CancellationToken ct)
    {
        await socket.SendAsync(Encoding.ASCII.GetBytes($"GET /?Action=DescribeRegions HTTP/1.1\r\nHost: {endpoint.Authority}\r\n\r\n"), ct);
        var buffer = new byte[64];
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(10));
        var read = await socket.ReceiveAsync(buffer, SocketFlags.None, limit.Token);
        return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("HTTP/1.1 ", StringComparison.Ordinal);
    }

    /// <summary>A TCP service in the instance's namespace that answers every connection with "ok".</summary>
    private static Process StartListener(string ns)
    {
        var info = new ProcessStartInfo("ip") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "netns", "exec", ns, "socat", $"TCP-LISTEN:{Port},fork,reuseaddr", "SYSTEM:echo ok" })
            info.ArgumentList.Add(a);
        return Process.Start(info)!;
    }

    private static async Task<bool> ConnectsAsync(CommandRunner run, string internet, string address, CancellationToken ct)
    {
        var result = await run.ExecAsync(internet, "socat", ["-T", "1", "-", $"TCP:{address}:{Port},connect-timeout=1"], "", ct);
        return result.Succeeded && result.Stdout.StartsWith("ok", StringComparison.Ordinal);
    }

    /// <summary>`eipnet server --dataplane linux` (and the agent it starts) as a child of this process, ended by its PID.</summary>
    private sealed class ServerProcess(Process process)
    {
        private readonly Process process = process;
        private readonly List<string> lines = [];
        private readonly TaskCompletionSource<Uri> endpoint = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Id => process.Id;
        public bool HasExited => process.HasExited;

        public static ServerProcess Start(string prefix, string data, string id, string secret)
        {
            var info = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "server", "--listen", "127.0.0.1:0", "--dataplane", "linux", "--lab-prefix", prefix, "--lab-compute-hosts", "0", "--resync-seconds", "1",
                "--idle-timeout-seconds", "600", "--data", data })
                info.ArgumentList.Add(a);
            info.Environment["EIPNET_BOOTSTRAP_ACCESS_KEY_ID"] = id;
            info.Environment["EIPNET_BOOTSTRAP_ACCESS_KEY_SECRET"] = secret;
            var server = new ServerProcess(Process.Start(info)!);
            server.process.OutputDataReceived += (_, e) => server.OnLine(e.Data);
            server.process.ErrorDataReceived += (_, e) => server.OnLine(e.Data);
            server.process.BeginOutputReadLine();
            server.process.BeginErrorReadLine();
            return server;
        }

        private void OnLine(string? line)
        {
            if (line is null || line.Contains(" rpc action=", StringComparison.Ordinal))
                return; // the request log: the client's own calls
            lock (lines)
            {
                lines.Add(line);
                if (lines.Count > 200)
                    lines.RemoveAt(0);
            }
            if (line.StartsWith("eipnet: endpoint ", StringComparison.Ordinal))
                endpoint.TrySetResult(new Uri("http://" + line["eipnet: endpoint ".Length..].Split(' ')[0] + "/"));
            if (line.StartsWith("eipnet: bootstrap account", StringComparison.Ordinal))
                ready.TrySetResult();
        }

        public async Task<Uri> ReadyAsync(CancellationToken ct)
        {
            var started = Task.WhenAll(endpoint.Task, ready.Task);
            if (await Task.WhenAny(started, process.WaitForExitAsync(ct), Task.Delay(TimeSpan.FromSeconds(60), ct)) != started)
                throw new InvalidOperationException("eipnet server did not start:\n" + Tail());
            return await endpoint.Task;
        }

        /// <summary>The descriptors of the server and of the agent it started (which holds the nft helpers' pipes).</summary>
        public int Descriptors() => new[] { process.Id }.Concat(ChildIds("eipnet", [process.Id]))
            .Sum(pid => Directory.Exists($"/proc/{pid}/fd") ? Directory.GetFiles($"/proc/{pid}/fd").Length : 0);

        /// <summary>Processes of that command name (at most 15 characters, as /proc keeps it) started by the server or its agent.</summary>
        public int Children(string name) => ChildIds(name).Count();

        /// <summary>The child of that name whose network namespace has that inode, if any.</summary>
        public int? ChildIn(string name, ulong netnsInode) => ChildIds(name)
            .Select(pid => (int?)pid).FirstOrDefault(pid => NetnsLink(pid!.Value) == $"net:[{netnsInode}]");

        private static string? NetnsLink(int pid)
        {
            try
            {
                return new FileInfo($"/proc/{pid}/ns/net").LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }

        private IEnumerable<int> ChildIds(string name) => ChildIds(name, [process.Id, .. ChildIds("eipnet", [process.Id])]);

        private static List<int> ChildIds(string name, int[] parents) => Directory.GetDirectories("/proc")
            .Select(d => (Pid: int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0, Stat: Path.Combine(d, "stat")))
            .Where(p => p.Pid > 0 && IsChild(p.Stat, name, parents)).Select(p => p.Pid).ToList();

        private static bool IsChild(string stat, string name, int[] parents)
        {
            try
            {
                var text = File.ReadAllText(stat);
                var close = text.LastIndexOf(')');
                var comm = text[(text.IndexOf('(', StringComparison.Ordinal) + 1)..close];
                var parent = text[(close + 2)..].Split(' ')[1];
                return comm == name && parents.Any(p => parent == p.ToString(CultureInfo.InvariantCulture));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                return false;
            }
        }

        public string Tail()
        {
            lock (lines)
                return string.Join("\n", lines.TakeLast(40));
        }

        public void Stop()
        {
            if (!OwnedProcess.Terminate(process, TimeSpan.FromSeconds(10)))
                Console.Error.WriteLine("eipnet: the server did not stop within 10 s of SIGTERM and was killed");
        }
    }
}
