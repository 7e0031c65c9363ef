using System.Globalization;
using System.Text.Json;
using Eipnet.Agent.Kernel;

namespace Eipnet.Cli.Bench;

/// <summary>The three measurements of one configuration, each from the client namespace to a server in the instance
/// namespace through the gateway: small UDP packets received per second, TCP throughput and new TCP connections per second.</summary>
internal sealed class ForwardingProbes(CommandRunner run, ForwardingTopology net, TimeSpan duration, int parallel)
{
    private string Seconds => ((int)Math.Max(1, Math.Round(duration.TotalSeconds))).ToString(CultureInfo.InvariantCulture);

    /// <summary>64-byte UDP payloads sent as fast as one iperf3 sender can; what the instance received, per second.</summary>
    public async Task<double> UdpPacketsPerSecondAsync(string target, CancellationToken ct)
    {
        var sum = (await IperfAsync(target, ["-u", "-l", "64", "-b", "0"], ct)).GetProperty("end").GetProperty("sum");
        var received = sum.GetProperty("packets").GetDouble() - sum.GetProperty("lost_packets").GetDouble();
        return received / sum.GetProperty("seconds").GetDouble();
    }

    /// <summary>One TCP stream; bits per second the instance received.</summary>
    public async Task<double> TcpBitsPerSecondAsync(string target, CancellationToken ct) =>
        (await IperfAsync(target, [], ct)).GetProperty("end").GetProperty("sum_received").GetProperty("bits_per_second").GetDouble();

    /// <summary>Completed TCP handshakes per second (each connection then reset), from <c>parallel</c> client threads.</summary>
    public async Task<double> NewConnectionsPerSecondAsync(string target, CancellationToken ct)
    {
        var (program, prefix) = Self();
        var result = await run.ExecAsync(net.Client, program,
        [
            .. prefix, "bench", "dataplane-forwarding", ForwardingBenchCommand.OpenConnections,
            "--target", target, "--port", ForwardingRulesets.ConnectionPort.ToString(CultureInfo.InvariantCulture),
            "--seconds", duration.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            "--parallel", parallel.ToString(CultureInfo.InvariantCulture),
        ], null, ct);
        if (!result.Succeeded)
            throw new CommandFailedException(result);
        var fields = result.Stdout.Trim().Split(' ').Select(f => f.Split('=')).ToDictionary(f => f[0], f => double.Parse(f[1], CultureInfo.InvariantCulture));
        return fields["connections"] / fields["seconds"];
    }

    /// <summary>Starts the servers in the instance namespace: iperf3 and the connection-rate server.</summary>
    public async Task<IReadOnlyList<ForwardingServer>> StartServersAsync(CancellationToken ct)
    {
        var (program, prefix) = Self();
        var iperf = await ForwardingServer.StartAsync(run, net.Instance, ForwardingRulesets.IperfPort, "iperf3",
            ["-s", "-p", ForwardingRulesets.IperfPort.ToString(CultureInfo.InvariantCulture)], ct);
        try
        {
            var connections = await ForwardingServer.StartAsync(run, net.Instance, ForwardingRulesets.ConnectionPort, program,
                [.. prefix, "bench", "dataplane-forwarding", ForwardingBenchCommand.ServeConnections,
                 "--port", ForwardingRulesets.ConnectionPort.ToString(CultureInfo.InvariantCulture)], ct);
            return [iperf, connections];
        }
        catch
        {
            iperf.Dispose();
            throw;
        }
    }

    private async Task<JsonElement> IperfAsync(string target, IReadOnlyList<string> args, CancellationToken ct)
    {
        var result = await run.ExecAsync(net.Client, "iperf3",
            ["-c", target, "-p", ForwardingRulesets.IperfPort.ToString(CultureInfo.InvariantCulture), "-t", Seconds,
             "--connect-timeout", "3000", "-J", .. args], null, ct);
        using var json = JsonDocument.Parse(result.Stdout.Length > 0 ? result.Stdout : "{}");
        if (!result.Succeeded || json.RootElement.TryGetProperty("error", out _))
            throw new CommandFailedException(result with { Stderr = result.Stderr + result.Stdout });
        return json.RootElement.Clone();
    }

    /// <summary>How to run this program again: the apphost itself, or "dotnet eipnet.dll" when started that way.</summary>
    private static (string Program, string[] Prefix) Self()
    {
        var path = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this program is unknown.");
        return Path.GetFileNameWithoutExtension(path) == "dotnet" ? (path, [Environment.GetCommandLineArgs()[0]]) : (path, []);
    }
}
