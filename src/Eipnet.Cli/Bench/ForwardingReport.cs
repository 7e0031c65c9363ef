using System.Globalization;
using System.Text;

namespace Eipnet.Cli.Bench;

/// <summary>Renders the forwarding benchmark's results as Markdown: medians over rounds, and ratios to plain routing taken
/// round by round (a round runs every configuration back to back, so a ratio compares measurements taken close together).</summary>
internal static class ForwardingReport
{
    /// <summary>"No measurable drop": the median ratio is at least this. A drop is reported only when three rounds in four
    /// (the upper quartile) are below it too; otherwise it is within the noise.</summary>
    private const double Flat = 0.95;

    private sealed record Column(string Title, string Short, Func<ForwardingResult, double> Value, Func<double, string> Format);

    private static readonly Column[] Rates =
    [
        new("UDP 64 B, packets/s to the instance", "UDP pkt/s", r => r.Udp.Rate, v => Invariant($"{v / 1000:F0}k")),
        new("TCP, Gbit/s", "TCP Gbit/s", r => r.Tcp.Rate, v => Invariant($"{v / 1e9:F2}")),
        new("new TCP connections/s", "conn/s", r => r.Connections.Rate, v => Invariant($"{v:F0}")),
    ];

    private static readonly Column[] PerCpu =
    [
        new("UDP packets per sender CPU-second", "UDP pkt per CPU-s", r => r.Udp.PerCpuSecond, v => Invariant($"{v / 1000:F0}k")),
        new("TCP Gbit per CPU-second", "TCP Gbit per CPU-s", r => r.Tcp.PerCpuSecond, v => Invariant($"{v / 1e9:F2}")),
        new("new TCP connections per CPU-second", "conn per CPU-s", r => r.Connections.PerCpuSecond, v => Invariant($"{v:F0}")),
    ];

    public static string Render(string heading, IReadOnlyList<ForwardingSetup> setups, IReadOnlyList<ForwardingResult> results, int plainConntrackEntries)
    {
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');
        var plain = setups.Single(s => s.Kind == ForwardingKind.Plain);
        Line(heading);
        Line();
        Line("## Rates");
        Line();
        Table(Line, setups, results, plain, Rates, withLoad: true);
        Line();
        Line("## Work per CPU-second of the measuring processes");
        Line();
        Table(Line, setups, results, plain, PerCpu, withLoad: false);
        Line();
        Line("Values are medians over rounds; a ratio is the median over rounds of (configuration ÷ plain routing in the same round), "
            + "with the quartiles of those per-round ratios in parentheses: half of the rounds fall between them. "
            + $"Entries in the gateway's conntrack table after the plain rounds: {plainConntrackEntries} (plain routing is untracked).");
        Line();
        Line("## Against the targets");
        Line();
        Targets(Line, setups, results, plain);
        Line();
        Line("## Every round (rate / per CPU-second)");
        Line();
        var rounds = results.Select(r => r.Round).Distinct().Order().ToList();
        Line($"| configuration | metric | {string.Join(" | ", rounds.Select(r => $"round {r}"))} |");
        Line($"|---|---|{string.Concat(rounds.Select(_ => "---|"))}");
        foreach (var setup in setups)
        {
            var mine = results.Where(r => r.Setup == setup).OrderBy(r => r.Round).ToList();
            for (var m = 0; m < Rates.Length; m++)
                Line($"| {setup.Name} | {Rates[m].Short} | {string.Join(" | ", mine.Select(r => $"{Rates[m].Format(Rates[m].Value(r))} / {PerCpu[m].Format(PerCpu[m].Value(r))}"))} |");
        }
        return text.ToString();
    }

    private static void Table(Action<string> line, IReadOnlyList<ForwardingSetup> setups, IReadOnlyList<ForwardingResult> results,
        ForwardingSetup plain, Column[] columns, bool withLoad)
    {
        line($"| configuration |{(withLoad ? " rules loaded in |" : "")} {string.Join(" | ", columns.Select(c => c.Title + " | ratio"))} |");
        line($"|---|{(withLoad ? "---|" : "")}{string.Concat(columns.Select(_ => "---|---|"))}");
        foreach (var setup in setups)
        {
            var mine = results.Where(r => r.Setup == setup).ToList();
            var load = !withLoad ? "" : setup.Kind == ForwardingKind.Plain ? " - |" : Invariant($" {Quantile(mine.Select(r => r.Load.TotalSeconds), 0.5):F2} s |");
            var cells = columns.Select(c =>
            {
                var (ratio, low, high) = Ratio(results, setup, plain, c.Value);
                return $"{c.Format(Quantile(mine.Select(c.Value), 0.5))} | {Invariant($"{ratio:F2} ({low:F2}–{high:F2})")}";
            });
            line($"| {setup.Name} |{load} {string.Join(" | ", cells)} |");
        }
    }

    private static void Targets(Action<string> line, IReadOnlyList<ForwardingSetup> setups, IReadOnlyList<ForwardingResult> results, ForwardingSetup plain)
    {
        var columns = Rates.Zip(PerCpu).SelectMany(p => new[] { p.First, p.Second }).ToList();
        line($"| target | {string.Join(" | ", columns.Select(c => c.Short))} |");
        line($"|---|{string.Concat(columns.Select(_ => "---|"))}");
        void Row(string title, Func<Column, string> cell) => line($"| {title} | {string.Join(" | ", columns.Select(cell))} |");

        var nat = setups.Where(s => s.Kind == ForwardingKind.Eipnet).ToList();
        var deployed = setups.Where(s => s.Kind == ForwardingKind.EipnetGateway).ToList();
        var tracked = setups.SingleOrDefault(s => s.Kind == ForwardingKind.Conntrack);
        if (setups.SingleOrDefault(s => s.Kind == ForwardingKind.PlainOneHop) is { } oneHop)
            Row("plain through gateway + router ÷ router only: what the gateway hop costs", c => Invariant($"{1 / Ratio(results, oneHop, plain, c.Value).Median:F2}"));
        if (deployed.Count > 0)
        {
            Row($"Eipnet as deployed ÷ plain (lowest median over {string.Join(", ", deployed.Select(s => s.Eips.ToString("N0", CultureInfo.InvariantCulture)))} EIPs)",
                c => Invariant($"{deployed.Min(s => Ratio(results, s, plain, c.Value).Median):F2}"));
            Row("Eipnet as deployed ÷ NAT in the router alone: what the gateway's steering adds (lowest)", c => Invariant($"{deployed.Min(s =>
                Ratio(results, s, nat.Single(n => n.Eips == s.Eips), c.Value).Median):F2}"));
        }
        var hosts = setups.Where(s => s.Kind == ForwardingKind.EipnetHosts).ToList();
        if (setups.SingleOrDefault(s => s.Kind == ForwardingKind.PlainHosts) is { } plainHosts)
            Row("plain across hosts ÷ plain on one host: the second router, VXLAN and the underlay, no rules", c => Invariant($"{Ratio(results, plainHosts, plain, c.Value).Median:F2}"));
        if (hosts.Count > 0)
        {
            var counts = string.Join(", ", hosts.Select(s => s.Eips.ToString("N0", CultureInfo.InvariantCulture)));
            Row($"Eipnet as deployed across hosts ÷ plain (lowest median over {counts} EIPs)",
                c => Invariant($"{hosts.Min(s => Ratio(results, s, plain, c.Value).Median):F2}"));
            if (setups.SingleOrDefault(s => s.Kind == ForwardingKind.PlainOneHop) is { } direct)
                Row("Eipnet as deployed across hosts ÷ plain to the router only (one hop less) (lowest)",
                    c => Invariant($"{hosts.Min(s => Ratio(results, s, direct, c.Value).Median):F2}"));
            if (deployed.Count > 0)
                Row("Eipnet as deployed across hosts ÷ as deployed on one host: what VXLAN and the second router add (lowest)", c => Invariant($"{hosts.Min(s =>
                    Ratio(results, s, deployed.Single(d => d.Eips == s.Eips), c.Value).Median):F2}"));
        }
        if (tracked is not null)
            Row("conntrack alone ÷ plain: the floor under any stateful NAT", c => Invariant($"{Ratio(results, tracked, plain, c.Value).Median:F2}"));
        if (nat.Count > 0)
        {
            Row($"Eipnet NAT ÷ plain ≥ 0.90 (lowest median over {string.Join(", ", nat.Select(s => s.Eips.ToString("N0", CultureInfo.InvariantCulture)))} EIPs)", c =>
            {
                var (median, _, high) = nat.Select(s => Ratio(results, s, plain, c.Value)).MinBy(r => r.Median);
                return Invariant($"{median:F2} ") + (median >= 0.9 ? "met" : high < 0.9 ? "**missed**" : "below, within noise");
            });
            if (tracked is not null)
                Row("Eipnet NAT ÷ conntrack alone: what translation, anti-spoofing and security groups add (lowest)",
                    c => Invariant($"{nat.Min(s => Ratio(results, s, tracked, c.Value).Median):F2}"));
        }
        foreach (var kind in new[] { ForwardingKind.Eipnet, ForwardingKind.EipnetGateway, ForwardingKind.EipnetHosts, ForwardingKind.Neutron })
        {
            var sized = setups.Where(s => s.Kind == kind).OrderBy(s => s.Eips).ToList();
            if (sized.Count < 2)
                continue;
            var (fewest, most) = (sized[0], sized[^1]);
            var title = kind switch
            {
                ForwardingKind.Eipnet => "Eipnet NAT in the router",
                ForwardingKind.EipnetGateway => "Eipnet as deployed",
                ForwardingKind.EipnetHosts => "Eipnet as deployed across hosts",
                _ => "Neutron-style iptables",
            };
            Row($"{title}: {most.Eips:N0} ÷ {fewest.Eips:N0} EIPs (flat: ≥ {Flat:F2})", c =>
            {
                var (median, _, high) = Ratio(results, most, fewest, c.Value);
                return Invariant($"{median:F2} ") + (median >= Flat ? "flat" : high < Flat ? Invariant($"**drops {1 - median:P0}**") : "within noise");
            });
        }
    }

    /// <summary>The median and quartiles over rounds of setup ÷ baseline measured in the same round.</summary>
    private static (double Median, double Low, double High) Ratio(IReadOnlyList<ForwardingResult> results, ForwardingSetup setup,
        ForwardingSetup baseline, Func<ForwardingResult, double> value)
    {
        var ratios = results.Where(r => r.Setup == setup)
            .Join(results.Where(r => r.Setup == baseline), r => r.Round, b => b.Round, (r, b) => value(r) / value(b))
            .ToList();
        return (Quantile(ratios, 0.5), Quantile(ratios, 0.25), Quantile(ratios, 0.75));
    }

    /// <summary>The q-quantile, interpolated between the two nearest values (q = 0.5: the median).</summary>
    private static double Quantile(IEnumerable<double> values, double q)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
            return double.NaN;
        var position = q * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
