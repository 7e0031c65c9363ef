using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;

namespace Eipnet.Cli.Bench;

/// <summary>`eipnet bench dataplane-forwarding`: what forwarding through the gateway costs with Eipnet's NAT table (on one
/// host and across a gateway and a compute host over VXLAN) and with a Neutron-style linear iptables chain, against plain
/// routing measured in the same run, in namespaces of its own.</summary>
internal static class ForwardingBenchCommand
{
    public const string ServeConnections = "serve-connections", OpenConnections = "open-connections";

    public static Command Create()
    {
        var eips = new Option<List<int>>("--eips")
        {
            Description = "EIP counts in the gateway for the Eipnet and Neutron-style configurations (comma-separated).",
            DefaultValueFactory = _ => [1, 10_000, 100_000],
            CustomParser = ParseCounts,
            AllowMultipleArgumentsPerToken = true,
        };
        var neutronMax = new Option<int>("--neutron-max-eips")
        {
            Description = "Leave out Neutron-style configurations above this many EIPs.",
            DefaultValueFactory = _ => 100_000,
        };
        var rounds = new Option<int>("--rounds") { Description = "Rounds; each runs every configuration once, in a rotated order.", DefaultValueFactory = _ => 8 };
        var seconds = new Option<int>("--seconds") { Description = "Seconds per measurement.", DefaultValueFactory = _ => 1 };
        var parallel = new Option<int>("--parallel") { Description = "Client threads opening connections.", DefaultValueFactory = _ => 2 };
        var output = new Option<string?>("--output") { Description = "Also write the report (Markdown) to this file." };
        var command = new Command("dataplane-forwarding",
            "Benchmark forwarding through the gateway: plain routing, Eipnet NAT and Neutron-style iptables NAT, on one host and across two hosts over VXLAN (needs root, iperf3, iptables-nft).");
        foreach (var positive in new[] { rounds, seconds, parallel })
            positive.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError($"{positive.Name} must be at least 1."); });
        command.Options.Add(eips);
        command.Options.Add(neutronMax);
        command.Options.Add(rounds);
        command.Options.Add(seconds);
        command.Options.Add(parallel);
        command.Options.Add(output);
        command.Subcommands.Add(ServeCommand());
        command.Subcommands.Add(OpenCommand());
        command.SetAction(async (result, ct) =>
        {
            // Ctrl-C, SIGTERM and SIGHUP end the run through its cleanup (servers ended, namespaces deleted) instead of
            // killing the process where it stands.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            void Stop(PosixSignalContext context)
            {
                context.Cancel = true;
                _ = Task.Run(stop.Cancel); // off the signal thread: the cleanup that cancelling starts waits for child processes
            }
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Stop);
            string report;
            try
            {
                report = await ForwardingBench.RunAsync(result.GetValue(eips)!, result.GetValue(neutronMax), result.GetValue(rounds),
                    TimeSpan.FromSeconds(result.GetValue(seconds)), result.GetValue(parallel), stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                Console.Error.WriteLine("bench: interrupted; its processes were ended and its namespaces deleted.");
                return 130;
            }
            Console.WriteLine();
            Console.Write(report);
            if (result.GetValue(output) is { } file)
                await File.WriteAllTextAsync(file, report, CancellationToken.None);
            return 0;
        });
        return command;
    }

    private static List<int> ParseCounts(ArgumentResult result)
    {
        var counts = new List<int>();
        foreach (var part in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > 1_000_000)
                result.AddError($"'{part}' is not an EIP count from 1 to 1,000,000.");
            else
                counts.Add(n);
        }
        return counts.Distinct().Order().ToList();
    }

    /// <summary>The connection-rate server, run by the benchmark inside the instance namespace.</summary>
    private static Command ServeCommand()
    {
        var port = new Option<int>("--port") { Required = true };
        var command = new Command(ServeConnections, "Accept and close TCP connections (used by the benchmark inside its namespace).") { Hidden = true };
        command.Options.Add(port);
        command.SetAction(result => ForwardingConnections.Serve(result.GetValue(port), threads: 2));
        return command;
    }

    /// <summary>The connection-rate client, run by the benchmark inside the client namespace.</summary>
    private static Command OpenCommand()
    {
        var target = new Option<string>("--target") { Required = true };
        var port = new Option<int>("--port") { Required = true };
        var seconds = new Option<double>("--seconds") { Required = true };
        var parallel = new Option<int>("--parallel") { DefaultValueFactory = _ => 2 };
        var command = new Command(OpenConnections, "Open and reset TCP connections for a while; print the count (used by the benchmark inside its namespace).") { Hidden = true };
        command.Options.Add(target);
        command.Options.Add(port);
        command.Options.Add(seconds);
        command.Options.Add(parallel);
        command.SetAction(result => ForwardingConnections.Open(
            new IPEndPoint(IPAddress.Parse(result.GetValue(target)!), result.GetValue(port)),
            TimeSpan.FromSeconds(result.GetValue(seconds)), result.GetValue(parallel)));
        return command;
    }
}
