using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Metrics;

/// <summary>A real Prometheus (Debian's `prometheus`) on loopback with a temp directory of its own, scraping one target every
/// second; disposing kills it by PID and deletes the directory.</summary>
public sealed class PrometheusProcess : IAsyncDisposable
{
    private const string Binary = "/usr/bin/prometheus";
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Process process;
    private readonly string directory;
    private Queue<string> log = new();

    private PrometheusProcess(Process process, string directory, Uri api)
    {
        this.process = process;
        this.directory = directory;
        Api = api;
    }

    public Uri Api { get; }

    public static PrometheusProcess Start(Uri target)
    {
        if (!File.Exists(Binary))
            throw new InvalidOperationException("prometheus is not installed: the metrics tests need Debian's prometheus package (./scripts/test installs it).");
        var directory = Directory.CreateTempSubdirectory("eipnet-prometheus-").FullName;
        var config = Path.Combine(directory, "prometheus.yml");
        File.WriteAllText(config, $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: eipnet
                metrics_path: /metrics
                static_configs:
                  - targets: ["{target.Authority}"]
            """);
        var port = EipnetProcess.FreePort();
        var info = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { $"--config.file={config}", $"--storage.tsdb.path={Path.Combine(directory, "data")}",
                     $"--web.listen-address=127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}" })
            info.ArgumentList.Add(arg);
        var process = Process.Start(info)!;
        // Drained so that a full pipe never blocks it; the tail is kept for a failure message.
        var log = new Queue<string>();
        void Keep(object _, DataReceivedEventArgs e)
        {
            if (e.Data is null)
                return;
            lock (log)
            {
                log.Enqueue(e.Data);
                if (log.Count > 20)
                    log.Dequeue();
            }
        }
        process.OutputDataReceived += Keep;
        process.ErrorDataReceived += Keep;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new PrometheusProcess(process, directory, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/")) { log = log };
    }

    /// <summary>Polls Prometheus's API until <paramref name="probe"/> returns a value; fails naming <paramref name="what"/>.</summary>
    public async Task<T> WaitAsync<T>(string what, Func<Task<T?>> probe, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        string? last = null;
        while (true)
        {
            if (process.HasExited)
                Assert.Fail($"prometheus exited with code {process.ExitCode} while waiting for {what}:\n" + Tail());
            try
            {
                if (await probe() is { } value)
                    return value;
            }
            catch (HttpRequestException e)
            {
                last = e.Message; // not listening yet
            }
            if (DateTimeOffset.UtcNow > deadline)
                Assert.Fail($"Timed out waiting for {what}" + (last is null ? "" : $" (last error: {last})") + "\n" + Tail());
            await Task.Delay(100);
        }
    }

    private string Tail()
    {
        lock (log)
            return string.Join("\n", log);
    }

    /// <summary>The health of the only scrape target ("up", "down" or "unknown"), or null before Prometheus lists it.</summary>
    public async Task<string?> TargetHealthAsync()
    {
        using var doc = JsonDocument.Parse(await Http.GetStringAsync(new Uri(Api, "api/v1/targets")));
        var active = doc.RootElement.GetProperty("data").GetProperty("activeTargets");
        return active.GetArrayLength() == 0 ? null : active[0].GetProperty("health").GetString();
    }

    /// <summary>The value of an instant query that returns one series; null while it returns none.</summary>
    public async Task<double?> QueryAsync(string promql)
    {
        using var doc = JsonDocument.Parse(await Http.GetStringAsync(new Uri(Api, "api/v1/query?query=" + Uri.EscapeDataString(promql))));
        var result = doc.RootElement.GetProperty("data").GetProperty("result");
        return result.GetArrayLength() == 0 ? null : double.Parse(result[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        process.Dispose();
        Directory.Delete(directory, recursive: true);
    }
}
