using System.CommandLine;
using System.Globalization;
using System.Text;

namespace Eipnet.Cli.Bench;

/// <summary>`eipnet bench`: control-plane figures against a real server on loopback, SQLite and (when given) PostgreSQL.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var eips = new Option<int>("--eips") { Description = "EIPs in the store for the Describe benchmark.", DefaultValueFactory = _ => 100_000 };
        var pairs = new Option<int>("--pairs") { Description = "Associate + unassociate pairs.", DefaultValueFactory = _ => 2000 };
        var concurrency = new Option<int>("--concurrency") { Description = "Concurrent clients for the pairs.", DefaultValueFactory = _ => 16 };
        var requests = new Option<int>("--describe-requests") { Description = "Describe requests to time.", DefaultValueFactory = _ => 500 };
        var postgres = new Option<string?>("--postgres")
        {
            Description = "PostgreSQL server connection string (a database is created per run). Default: $EIPNET_POSTGRES; without it only SQLite runs.",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("EIPNET_POSTGRES"),
        };
        var output = new Option<string?>("--output") { Description = "Also write the report (Markdown) to this file." };
        var command = new Command("bench", "Benchmark the control plane: associate/unassociate pairs and Describe over many EIPs.");
        command.Options.Add(eips);
        command.Options.Add(pairs);
        command.Options.Add(concurrency);
        command.Options.Add(requests);
        command.Options.Add(postgres);
        command.Options.Add(output);
        command.Subcommands.Add(ForwardingBenchCommand.Create());
        command.Subcommands.Add(ConvergenceCommand.Create());
        command.Subcommands.Add(FdSoakCommand.Create());
        command.SetAction(async (result, ct) =>
        {
            var report = new StringBuilder();
            void Line(string text)
            {
                Console.WriteLine(text);
                report.AppendLine(text);
            }
            Line($"# Eipnet control-plane benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm}Z, {Environment.ProcessorCount} cores");
            Line("");
            Line("Latencies in ms; ratios are to the DescribeRegions baseline measured in the same run (an authenticated call that reads no resource).");
            var backends = new List<(string Name, string? Postgres)> { ("SQLite", null) };
            if (result.GetValue(postgres) is { Length: > 0 } pg)
                backends.Add(("PostgreSQL", pg));
            foreach (var (name, pg2) in backends)
            {
                var data = Directory.CreateTempSubdirectory("eipnet-bench-").FullName;
                try
                {
                    var database = pg2 is null ? null : await BenchDatabase.CreateAsync(pg2);
                    await using var env = await BenchEnvironment.StartAsync(database, data);
                    var a = await AssociationBench.RunAsync(env, result.GetValue(concurrency), result.GetValue(pairs));
                    Line("");
                    Line($"## {name}: associate + unassociate, concurrency {result.GetValue(concurrency)}");
                    Line("");
                    Line($"{a.Pairs} pairs in {a.Pairs / a.PairsPerSecond:F1} s: **{a.PairsPerSecond.ToString("F0", CultureInfo.InvariantCulture)} pairs/s** (each pair waits for InUse and Available).");
                    Line("");
                    Line("| call | n | p50 | p99 | p50 ratio | p99 ratio |");
                    Line("|---|---|---|---|---|---|");
                    Line(a.Baseline.Row(a.Baseline));
                    Line(a.Associate.Row(a.Baseline));
                    Line(a.Unassociate.Row(a.Baseline));
                    Line(a.Converge.Row(a.Baseline));
                    var d = await DescribeBench.RunAsync(env, result.GetValue(eips), result.GetValue(requests), database);
                    Line("");
                    Line($"## {name}: DescribeEipAddresses over {d.Eips:N0} EIPs (seeded{(database is null ? "" : " and vacuumed")} in {d.SeedSeconds:F1} s), one client");
                    Line("");
                    Line("| call | n | p50 | p99 | p50 ratio | p99 ratio |");
                    Line("|---|---|---|---|---|---|");
                    Line(d.Baseline.Row(d.Baseline));
                    Line(d.Filtered.Row(d.Baseline));
                    Line(d.Unfiltered.Row(d.Baseline));
                }
                finally
                {
                    try { Directory.Delete(data, recursive: true); } catch (IOException) { }
                }
            }
            if (result.GetValue(output) is { } file)
                await File.WriteAllTextAsync(file, report.ToString(), ct);
            return 0;
        });
        return command;
    }
}
