using Eipnet.DataPlane;
using Eipnet.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Eipnet.Api.Reconciliation;

/// <summary>Hands stored intent to an in-process data plane (the simulated one) and reports the revision it applied back to the
/// store. Real hosts are served by agents instead (<see cref="Agents.AgentFeed"/>).</summary>
/// <remarks>Level-based: a pass reads what changed after the last applied revision; a wake-up only shortens the wait. The first
/// pass after start, and one every <see cref="ReconcilerSettings.ResyncPeriod"/>, hands over everything, so a restarted data
/// plane converges and drift is repaired.</remarks>
public sealed partial class Reconciler(IEipStore store, IDataPlane dataPlane, ChangeSignal signal, ReconcilerSettings settings, TimeProvider time, ILogger<Reconciler> log) : BackgroundService
{
    private static readonly TimeSpan PollPeriod = TimeSpan.FromSeconds(1);
    private TimeSpan ResyncPeriod => settings.ResyncPeriod;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var applied = -1L; // -1: nothing handed over yet, the first pass is a full one
        var lastFull = time.GetUtcNow();
        var backoff = TimeSpan.FromMilliseconds(100);
        while (!stoppingToken.IsCancellationRequested)
        {
            var seen = signal.Version;
            try
            {
                var full = applied < 0 || time.GetUtcNow() - lastFull > ResyncPeriod;
                applied = await PassAsync(full ? 0 : applied, full, stoppingToken);
                if (full)
                    lastFull = time.GetUtcNow();
                backoff = TimeSpan.FromMilliseconds(100);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Environment failures (database, data plane): retry with capped backoff; the same changes come again.
                LogPassFailed(e);
                await Task.Delay(backoff, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
                continue;
            }
            try
            {
                // Woken by a change; otherwise a periodic pass picks up changes made by other servers sharing the database.
                await signal.WaitAsync(seen, PollPeriod, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    // Transitions a pass could not end because a user was changing the resource at that moment; ended on a later tick.
    private bool transitionsDeferred;

    /// <summary>One pass; returns the revision now applied.</summary>
    public async Task<long> PassAsync(long after, bool full, CancellationToken ct)
    {
        var changes = await store.ReadChangesAsync(after, ct);
        if (!full && changes.Revision <= after)
        {
            if (transitionsDeferred)
                transitionsDeferred = (await store.CompleteTransitionsAsync(after, time.GetUtcNow(), ct)).Deferred > 0;
            return after;
        }
        var desired = await DesiredLoader.LoadAsync(store, changes, full, ct);
        await dataPlane.ApplyAsync(desired, ct);
        var outcome = await store.CompleteTransitionsAsync(changes.Revision, time.GetUtcNow(), ct);
        transitionsDeferred = outcome.Deferred > 0;
        LogApplied(changes.Revision, full, changes.Changed.Count, outcome.Completed);
        return changes.Revision;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Applied revision {Revision} (full {Full}, {Changes} changed, {Completed} transitions ended)")]
    private partial void LogApplied(long revision, bool full, int changes, int completed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconcile pass failed; retrying")]
    private partial void LogPassFailed(Exception e);
}
