using System.CommandLine;

namespace Eipnet.Cli.Bench;

/// <summary>`eipnet bench dataplane-convergence`: the lab's convergence with 1, 10,000 and 100,000 EIPs (needs root).</summary>
internal static class ConvergenceCommand
{
    public static Command Create()
    {
        var eips = new Option<int[]>("--eips") { Description = "EIP counts to measure at.", DefaultValueFactory = _ => [1, 10_000, 100_000], AllowMultipleArgumentsPerToken = true };
        var changes = new Option<int>("--changes") { Description = "Associations timed at each count.", DefaultValueFactory = _ => 100 };
        var output = new Option<string?>("--output") { Description = "Also write the report (Markdown) to this file." };
        var command = new Command("dataplane-convergence", "Time associate -> InUse and associate -> first packet in the lab, with many EIPs present (root).");
        command.Options.Add(eips);
        command.Options.Add(changes);
        command.Options.Add(output);
        command.SetAction(async (result, ct) =>
        {
            if (!Eipnet.Agent.Applying.LinuxDataPlane.IsAvailable(out var why))
            {
                Console.Error.WriteLine($"eipnet: this benchmark needs the lab: {why}.");
                return 2;
            }
            var results = new List<ConvergenceBench.Result>();
            foreach (var n in result.GetValue(eips)!)
            {
                Console.WriteLine($"measuring with {n:N0} EIPs...");
                results.Add(await ConvergenceBench.RunAsync(n, result.GetValue(changes), ct));
                Console.Write(ConvergenceBench.Report(results));
            }
            var report = $"# Eipnet data-plane convergence, {DateTime.UtcNow:yyyy-MM-dd HH:mm}Z, {Environment.ProcessorCount} cores\n\n" + ConvergenceBench.Report(results);
            if (result.GetValue(output) is { } file)
                await File.WriteAllTextAsync(file, report, ct);
            return 0;
        });
        return command;
    }
}
