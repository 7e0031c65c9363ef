using System.Diagnostics;

namespace Eipnet.Cli.Bench;

/// <summary>Latency samples of one kind of call, in milliseconds; thread-safe to add to.</summary>
public sealed class Latencies(string name)
{
    private readonly List<double> samples = [];

    public string Name => name;

    public int Count { get { lock (samples) return samples.Count; } }

    public async Task<T> TimeAsync<T>(Func<Task<T>> call)
    {
        var start = Stopwatch.GetTimestamp();
        var result = await call();
        Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        return result;
    }

    public void Add(double ms)
    {
        lock (samples)
            samples.Add(ms);
    }

    public double Percentile(double p)
    {
        lock (samples)
        {
            if (samples.Count == 0)
                return double.NaN;
            var sorted = samples.Order().ToList();
            return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
        }
    }

    public string Row(Latencies? baseline = null)
    {
        var p50 = Percentile(50);
        var p99 = Percentile(99);
        var ratio = baseline is null ? "" : $" | {p50 / baseline.Percentile(50):F2}x | {p99 / baseline.Percentile(99):F2}x";
        return $"| {name} | {Count} | {p50:F2} | {p99:F2}{ratio} |";
    }
}
