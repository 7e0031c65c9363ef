using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Eipnet.DataPlane;
using Eipnet.DataPlane.Feed;

namespace Eipnet.Agent.Running;

/// <summary>The agent's side of the contract (<see cref="AgentWire"/>): watches the server's intent for this host, applies it to
/// the data plane and reports the generation the kernel holds.</summary>
/// <remarks>Starts with a full pass (a restarted agent knows nothing and repairs whatever the kernel holds), then applies what
/// changed, with a full pass again every <see cref="AgentLoopSettings.ResyncPeriod"/> and after any failure. While the server is
/// unreachable the kernel keeps what it has: agent or server death is not data plane death.</remarks>
public sealed class AgentLoop(HttpClient http, IDataPlane dataPlane, AgentLoopSettings settings, TimeProvider time, TextWriter? log = null)
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    private long applied;

    /// <summary>The generation the kernel holds (0 before the first pass).</summary>
    public long Applied => Interlocked.Read(ref applied);

    /// <summary>A client for <paramref name="server"/> that sends <paramref name="token"/> ("NAME.SECRET") with every call.</summary>
    /// <param name="trust">For an https server: the certificates accepted beyond those the system trusts; null: only those.</param>
    public static HttpClient CreateClient(Uri server, string token, TimeSpan wait, ServerTrust? trust = null)
    {
        var handler = new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) };
        if (trust is not null)
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) => trust.Validate(certificate, chain, errors);
        var client = new HttpClient(handler)
        {
            BaseAddress = server,
            Timeout = wait + TimeSpan.FromSeconds(30),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task RunAsync(CancellationToken ct)
    {
        var traffic = Task.Run(() => ReportTrafficAsync(ct), CancellationToken.None);
        try
        {
            await ApplyLoopAsync(ct);
        }
        finally
        {
            await traffic;
        }
    }

    /// <summary>Every <see cref="AgentLoopSettings.TrafficInterval"/>: the host's per-EIP counters to the server, in the epoch of
    /// this loop's start. A failed report is dropped (the next one carries the counters, which only grow).</summary>
    private async Task ReportTrafficAsync(CancellationToken ct)
    {
        var since = time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        while (!ct.IsCancellationRequested)
        {
            await Task.Delay(settings.TrafficInterval, time, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (ct.IsCancellationRequested)
                return;
            try
            {
                var counters = await dataPlane.ReadTrafficAsync(ct);
                if (counters.Count == 0)
                    continue;
                using var response = await http.PostAsJsonAsync(TrafficWire.Path, new TrafficReport(since, counters), TrafficWire.Json.TrafficReport, ct);
                await EnsureAcceptedAsync(response, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or JsonException or TaskCanceledException or InvalidOperationException
                or Kernel.CommandFailedException or AgentRefusedException)
            {
                log?.WriteLine($"eipnet agent: traffic report: {e.GetType().Name}: {e.Message}; again in {settings.TrafficInterval.TotalSeconds:F0} s");
            }
        }
    }

    private async Task ApplyLoopAsync(CancellationToken ct)
    {
        var lastFull = time.GetUtcNow();
        var reported = 0L;
        var mustResync = true;
        var backoff = FirstBackoff;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (reported < Applied)
                    reported = await ReportAsync(new AppliedReport(Applied, false, 0, 0), ct);
                var untilResync = lastFull + settings.ResyncPeriod - time.GetUtcNow();
                var full = mustResync || untilResync <= TimeSpan.Zero;
                // A watch ends in time for the next resync.
                var desired = await WatchAsync(full, untilResync < settings.Wait ? untilResync : settings.Wait, ct);
                if (desired is null)
                    continue;
                var clock = Stopwatch.StartNew();
                mustResync = true; // until this pass has gone through
                await dataPlane.ApplyAsync(desired, ct);
                mustResync = false;
                Interlocked.Exchange(ref applied, desired.Revision);
                if (desired.Full)
                    lastFull = time.GetUtcNow();
                reported = await ReportAsync(new AppliedReport(desired.Revision, desired.Full, desired.Count, clock.Elapsed.TotalMilliseconds), ct);
                backoff = FirstBackoff;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or JsonException or TaskCanceledException or InvalidOperationException
                or Kernel.CommandFailedException or Kernel.Netlink.NetlinkException or AgentRefusedException)
            {
                // Server away, kernel refused, or a bad answer: try again, the next pass a full one when the kernel may be half done.
                log?.WriteLine($"eipnet agent: {e.GetType().Name}: {e.Message}; again in {backoff.TotalMilliseconds:F0} ms");
                await Task.Delay(backoff, time, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                backoff = backoff * 2 < MaxBackoff ? backoff * 2 : MaxBackoff;
            }
        }
    }

    private async Task<DesiredChanges?> WatchAsync(bool full, TimeSpan wait, CancellationToken ct)
    {
        var url = string.Create(CultureInfo.InvariantCulture,
            $"{AgentWire.ChangesPath}?after={Applied}&full={(full ? 1 : 0)}&wait={Math.Max(0, (long)wait.TotalMilliseconds)}");
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
        if (response.StatusCode == HttpStatusCode.NoContent)
            return null;
        await EnsureAcceptedAsync(response, ct);
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        return await JsonSerializer.DeserializeAsync(body, AgentWire.Json.DesiredChanges, ct)
            ?? throw new JsonException("The server answered null intent.");
    }

    private async Task<long> ReportAsync(AppliedReport report, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(AgentWire.AppliedPath, report, AgentWire.Json.AppliedReport, ct);
        await EnsureAcceptedAsync(response, ct);
        return report.Generation;
    }

    private static async Task EnsureAcceptedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
            return;
        var text = await response.Content.ReadAsStringAsync(ct);
        throw new AgentRefusedException($"the server answered {(int)response.StatusCode}: {text}");
    }
}

/// <summary>How an agent watches: how long one watch may wait for a change, and how often it asks for everything again.</summary>
public sealed record AgentLoopSettings(TimeSpan Wait, TimeSpan ResyncPeriod)
{
    /// <summary>How often the host's traffic counters are reported (<see cref="TrafficWire"/>).</summary>
    public TimeSpan TrafficInterval { get; init; } = TrafficWire.Interval;

    public static AgentLoopSettings Default { get; } = new(AgentWire.DefaultWait, TimeSpan.FromSeconds(60));
}

/// <summary>The server refused a call (bad token, bad report).</summary>
public sealed class AgentRefusedException(string message) : Exception(message);
