using System.CommandLine;

namespace Eipnet.Cli.Bench;

/// <summary>`eipnet bench dataplane-convergence`: the lab's convergence with 1, 10,000 and 100,000 EIPs (needs root).</summary>
internal static class ConvergenceCommand
{
    public static Command Create()
    {
        var eips = new Option<int[]>("--eips") { Description = "EIP counts to measure at.", DefaultValueFactory = _ => [1, 10_000, 100_000], AllowMultipleArgumentsPerToken = true };
        var changes = new Option<int>("--changes") { Description = "Associations timed at each count.", DefaultValueFactory = _ => 100 };
        var hosts = new Option<int[]>("--hosts")
        {
            Description = "Host layouts to measure at each count: 1 (one host with both roles), N >= 3 (a gateway and N-1 compute hosts on an underlay). `--hosts 1 3` measures both in one run.",
            DefaultValueFactory = _ => [1],
            AllowMultipleArgumentsPerToken = true,
        };
        var output = new Option<string?>("--output") { Description = "Also write the report (Markdown) to this file." };
        var command = new Command("dataplane-convergence", "Time associate -> InUse and associate -> first packet in the lab, with many EIPs present (root).");
        command.Options.Add(eips);
        command.Options.Add(changes);
        command.Options.Add(hosts);
        command.Options.Add(output);
        command.SetAction(async (result, ct) =>
        {
            if (!Eipnet.Agent.Applying.LinuxDataPlane.IsAvailable(out var why))
            {
                Console.Error.WriteLine($"eipnet: this benchmark needs the lab: {why}.");
                return 2;
            }
            var layouts = result.GetValue(hosts)!;
            if (layouts.Any(h => h is < 1 or 2))
            {
                Console.Error.WriteLine("eipnet: --hosts takes 1, or 3 and more (a gateway and at least two compute hosts).");
                return 2;
            }
            var results = new List<ConvergenceBench.Result>();
            foreach (var n in result.GetValue(eips)!)
            {
                foreach (var h in layouts)
                {
                    Console.WriteLine($"measuring with {n:N0} EIPs on {h} host(s)...");
                    results.Add(await ConvergenceBench.RunAsync(n, result.GetValue(changes), h, ct));
                    Console.Write(ConvergenceBench.Report(results));
                }
            }
            var report = $"# Eipnet data-plane convergence, {DateTime.UtcNow:yyyy-MM-dd HH:mm}Z, {Environment.ProcessorCount} cores\n\n" + ConvergenceBench.Report(results);
            if (result.GetValue(output) is { } file)
                await File.WriteAllTextAsync(file, report, ct);
            return 0;
        });
        return command;
    }
}
