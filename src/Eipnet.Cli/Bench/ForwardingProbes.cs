using System.Globalization;
using System.Text.Json;
using Eipnet.Agent.Kernel;

namespace Eipnet.Cli.Bench;

/// <summary>The three measurements of one configuration, each from the client namespace to a server in the instance
/// namespace through the gateway: small UDP packets forwarded per second, TCP throughput and new TCP connections per second,
/// each also per CPU-second of the processes at the ends.</summary>
internal sealed class ForwardingProbes(CommandRunner run, ForwardingTopology net, TimeSpan duration, int parallel)
{
    private string Seconds => ((int)Math.Max(1, Math.Round(duration.TotalSeconds))).ToString(CultureInfo.InvariantCulture);

    /// <summary>64-byte UDP payloads sent as fast as one iperf3 sender can: packets that reached the instance's interface per
    /// second, and packets per CPU-second of the sender, whose context carries each packet through the gateway to the
    /// instance's socket.</summary>
    /// <remarks>Counted at the instance's interface, not by the receiving iperf3: on a shared machine the receiver loses
    /// CPU and drops at its socket, which says nothing about the gateway.</remarks>
    public async Task<ForwardingSample> UdpAsync(ForwardingSetup setup, CancellationToken ct)
    {
        var instance = net.InstanceOf(setup);
        var before = await InstanceReceivedAsync(instance, ct);
        var end = (await IperfAsync(setup.Target, ["-u", "-l", "64", "-b", "0"], ct)).GetProperty("end");
        var forwarded = await InstanceReceivedAsync(instance, ct) - before;
        var sent = end.GetProperty("sum_sent");
        var seconds = sent.GetProperty("seconds").GetDouble();
        var senderCpu = end.GetProperty("cpu_utilization_percent").GetProperty("host_total").GetDouble() / 100 * seconds;
        return new ForwardingSample(forwarded / seconds, sent.GetProperty("packets").GetDouble() / senderCpu);
    }

    /// <summary>One TCP stream: bits per second the instance received, and bits per CPU-second of sender and receiver.</summary>
    public async Task<ForwardingSample> TcpAsync(string target, CancellationToken ct)
    {
        var end = (await IperfAsync(target, [], ct)).GetProperty("end");
        var received = end.GetProperty("sum_received");
        var cpu = end.GetProperty("cpu_utilization_percent");
        var cpuSeconds = cpu.GetProperty("host_total").GetDouble() / 100 * end.GetProperty("sum_sent").GetProperty("seconds").GetDouble()
            + cpu.GetProperty("remote_total").GetDouble() / 100 * received.GetProperty("seconds").GetDouble();
        return new ForwardingSample(received.GetProperty("bits_per_second").GetDouble(), received.GetProperty("bytes").GetDouble() * 8 / cpuSeconds);
    }

    /// <summary>Completed TCP handshakes per second (each connection then reset) from <c>parallel</c> client threads, and
    /// connections per CPU-second of client and server.</summary>
    public async Task<ForwardingSample> ConnectionsAsync(string target, ForwardingServer server, CancellationToken ct)
    {
        var (program, prefix) = Self();
        var serverBefore = server.CpuTime;
        var result = await run.ExecAsync(net.Client, program,
        [
            .. prefix, "bench", "dataplane-forwarding", ForwardingBenchCommand.OpenConnections,
            "--target", target, "--port", ForwardingRulesets.ConnectionPort.ToString(CultureInfo.InvariantCulture),
            "--seconds", duration.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            "--parallel", parallel.ToString(CultureInfo.InvariantCulture),
        ], null, ct);
        var serverCpu = (server.CpuTime - serverBefore).TotalSeconds;
        if (!result.Succeeded)
            throw new CommandFailedException(result);
        var fields = result.Stdout.Trim().Split(' ').Select(f => f.Split('=')).ToDictionary(f => f[0], f => double.Parse(f[1], CultureInfo.InvariantCulture));
        // The client reports its own CPU time for the timed window; the server's is known only for the whole run, warm-up
        // included, so it counts per connection over the whole run.
        var cpuPerConnection = fields["cpu"] / fields["connections"] + serverCpu / fields["total"];
        return new ForwardingSample(fields["connections"] / fields["seconds"], 1 / cpuPerConnection);
    }

    /// <summary>Starts the servers in an instance namespace: iperf3 and the connection-rate server.</summary>
    public async Task<(ForwardingServer Iperf, ForwardingServer Connections)> StartServersAsync(string instance, CancellationToken ct)
    {
        var (program, prefix) = Self();
        var iperf = await ForwardingServer.StartAsync(run, instance, ForwardingRulesets.IperfPort, "iperf3",
            ["-s", "-p", ForwardingRulesets.IperfPort.ToString(CultureInfo.InvariantCulture)], ct);
        try
        {
            var connections = await ForwardingServer.StartAsync(run, instance, ForwardingRulesets.ConnectionPort, program,
                [.. prefix, "bench", "dataplane-forwarding", ForwardingBenchCommand.ServeConnections,
                 "--port", ForwardingRulesets.ConnectionPort.ToString(CultureInfo.InvariantCulture)], ct);
            return (iperf, connections);
        }
        catch
        {
            iperf.Dispose();
            throw;
        }
    }

    private async Task<double> InstanceReceivedAsync(string instance, CancellationToken ct)
    {
        using var json = JsonDocument.Parse(await run.IpCheckAsync(instance, ["-s", "-j", "link", "show", "dev", ForwardingTopology.InstanceDevice], ct));
        return json.RootElement[0].GetProperty("stats64").GetProperty("rx").GetProperty("packets").GetDouble();
    }

    private async Task<JsonElement> IperfAsync(string target, IReadOnlyList<string> args, CancellationToken ct)
    {
        // Sender on CPU 0 and receiver on CPU 1: fewer migrations, so less spread between runs.
        string[] pinned = Environment.ProcessorCount >= 2 ? ["-A", "0,1"] : [];
        // The server takes a moment after a test before it accepts the next one ("the server is busy"), longer on a busy
        // machine: ask again, up to 5 s, as iperf3 itself suggests.
        for (var attempt = 0; ; attempt++)
        {
            var result = await run.ExecAsync(net.Client, "iperf3",
                ["-c", target, "-p", ForwardingRulesets.IperfPort.ToString(CultureInfo.InvariantCulture), "-t", Seconds,
                 "--connect-timeout", "3000", "-J", .. pinned, .. args], null, ct);
            using var json = JsonDocument.Parse(result.Stdout.Length > 0 ? result.Stdout : "{}");
            var busy = json.RootElement.TryGetProperty("error", out var error) && error.GetString()?.Contains("busy", StringComparison.Ordinal) == true;
            if (busy && attempt < 50)
            {
                await Task.Delay(100, ct);
                continue;
            }
            if (!result.Succeeded || json.RootElement.TryGetProperty("error", out _))
                throw new CommandFailedException(result with { Stderr = result.Stderr + result.Stdout });
            return json.RootElement.Clone();
        }
    }

    /// <summary>How to run this program again: the apphost itself, or "dotnet eipnet.dll" when started that way.</summary>
    private static (string Program, string[] Prefix) Self()
    {
        var path = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this program is unknown.");
        return Path.GetFileNameWithoutExtension(path) == "dotnet" ? (path, [Environment.GetCommandLineArgs()[0]]) : (path, []);
    }
}
