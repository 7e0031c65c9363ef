using System.Threading.Channels;
using Eipnet.DataPlane;
using Eipnet.Domain.Resources;
using Eipnet.Store;
using Eipnet.Store.Queries;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Eipnet.Api.Reconciliation;

/// <summary>Hands stored intent to the data plane and reports the revision it applied back to the store.</summary>
/// <remarks>Level-based: a pass reads what changed after the last applied revision; a wake-up only shortens the wait. The first
/// pass after start, and one every <see cref="ReconcilerSettings.ResyncPeriod"/>, hands over everything, so a restarted data
/// plane converges and drift is repaired.</remarks>
public sealed partial class Reconciler(IEipStore store, IDataPlane dataPlane, ReconcilerSettings settings, TimeProvider time, ILogger<Reconciler> log) : BackgroundService
{
    private static readonly TimeSpan PollPeriod = TimeSpan.FromSeconds(1);
    private TimeSpan ResyncPeriod => settings.ResyncPeriod;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    // Capacity 1 + DropWrite: any number of wake-ups during a pass collapse into one more pass.
    private readonly Channel<bool> wakeUps = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Asks for a pass soon; called after every accepted change.</summary>
    public void Wake() => wakeUps.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var applied = -1L; // -1: nothing handed over yet, the first pass is a full one
        var lastFull = time.GetUtcNow();
        var backoff = TimeSpan.FromMilliseconds(100);
        while (!stoppingToken.IsCancellationRequested)
        {
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
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(PollPeriod);
            try
            {
                await wakeUps.Reader.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // Periodic pass: picks up changes made by other servers sharing the database.
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
        var desired = await store.ReadAsync(s => LoadAsync(s, changes, full), ct);
        await dataPlane.ApplyAsync(desired, ct);
        var outcome = await store.CompleteTransitionsAsync(changes.Revision, time.GetUtcNow(), ct);
        transitionsDeferred = outcome.Deferred > 0;
        LogApplied(changes.Revision, full, changes.Changed.Count, outcome.Completed);
        return changes.Revision;
    }

    private static async Task<DesiredChanges> LoadAsync(IStoreSession s, ChangeSet changes, bool full)
    {
        if (full)
        {
            var all = new DocQuery();
            return new DesiredChanges(changes.Revision, true,
                await s.ListAsync<Eip>(all), await s.ListAsync<NetworkInterface>(all), await s.ListAsync<Instance>(all),
                await s.ListAsync<SecurityGroup>(all), await s.ListAsync<VSwitch>(all), await s.ListAsync<Vpc>(all), []);
        }
        var removed = new List<RemovedResource>();
        async Task<IReadOnlyList<T>> Load<T>(string kind) where T : class
        {
            var list = new List<T>();
            foreach (var (_, id) in changes.Changed.Where(c => c.Kind == kind))
            {
                if (await s.GetAsync<T>(id) is { } item)
                    list.Add(item);
                else
                    removed.Add(new RemovedResource(kind, id));
            }
            return list;
        }
        return new DesiredChanges(changes.Revision, false,
            await Load<Eip>("eip"), await Load<NetworkInterface>("eni"), await Load<Instance>("instance"),
            await Load<SecurityGroup>("security_group"), await Load<VSwitch>("vswitch"), await Load<Vpc>("vpc"), removed);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Applied revision {Revision} (full {Full}, {Changes} changed, {Completed} transitions ended)")]
    private partial void LogApplied(long revision, bool full, int changes, int completed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconcile pass failed; retrying")]
    private partial void LogPassFailed(Exception e);
}
