using System.CommandLine;
using System.Text.Json;

namespace Eipnet.Cli.Bench;

/// <summary>`eipnet bench fd-soak`: a real server's descriptors over associate/unassociate cycles and 1 s resyncs, and the
/// repair of a deleted gateway namespace under many idle connections (root).</summary>
internal static class FdSoakCommand
{
    public static Command Create()
    {
        var cycles = new Option<int>("--cycles") { Description = "Associate + unassociate cycles (each waits for InUse, then Available).", DefaultValueFactory = _ => 10_000 };
        var hold = new Option<double>("--hold-minutes") { Description = "Minutes of 1 s resyncs after the cycles.", DefaultValueFactory = _ => 10 };
        var idle = new Option<int>("--idle-connections") { Description = "Idle connections held while the gateway namespace is deleted (0: skip that part).", DefaultValueFactory = _ => 2000 };
        var json = new Option<bool>("--json") { Description = "Print the figures as one JSON object instead of a table." };
        var output = new Option<string?>("--output") { Description = "Also write the report (Markdown) to this file." };
        var command = new Command("fd-soak", "Run a real server with the lab data plane and count its open descriptors over a soak (root).");
        foreach (var option in new Option[] { cycles, hold, idle, json, output })
            command.Options.Add(option);
        command.SetAction(async (result, ct) =>
        {
            if (!Eipnet.Agent.Applying.LinuxDataPlane.IsAvailable(out var why))
            {
                Console.Error.WriteLine($"eipnet: this benchmark needs the lab: {why}.");
                return 2;
            }
            var prefix = $"eipb{Environment.ProcessId}x{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3))}-";
            var options = new FdSoakBench.Options(result.GetValue(cycles), TimeSpan.FromMinutes(result.GetValue(hold)), result.GetValue(idle), prefix);
            var asJson = result.GetValue(json);
            var figures = await FdSoakBench.RunAsync(options, line => (asJson ? Console.Error : Console.Out).WriteLine("fd-soak: " + line), ct);
            var report = $"# Eipnet server descriptors over a soak, {DateTime.UtcNow:yyyy-MM-dd HH:mm}Z, {Environment.ProcessorCount} cores\n\n" + FdSoakBench.Report(figures);
            Console.WriteLine(asJson ? JsonSerializer.Serialize(figures with { }) : report);
            if (result.GetValue(output) is { } file)
                await File.WriteAllTextAsync(file, report, ct);
            return 0;
        });
        return command;
    }
}
