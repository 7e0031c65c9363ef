using Eipnet.Api.Reconciliation;
using Eipnet.Domain.Hosts;
using Eipnet.Domain.Resources;
using Eipnet.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Eipnet.Api.Agents;

/// <summary>Ends transitions (Associating, Attaching, Pending, ...) once every agent involved has applied them
/// (<see cref="Involvement"/>: the gateways and the instance's host).</summary>
/// <remarks>The generation every agent holds is the lowest any agent reported; what changed up to it is applied on every host, so
/// its transitions end and the change log up to it is trimmed. With no agent, nothing is applied and nothing ends. Woken by each
/// report; a tick every second retries completions deferred because a user was changing the resource, and picks up reports
/// received by other servers sharing the database.</remarks>
public sealed partial class TransitionCompleter(IEipStore store, TimeProvider time, ILogger<TransitionCompleter> log) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private readonly ChangeSignal reports = new();

    /// <summary>Called after an agent reported a generation.</summary>
    public void Wake() => reports.Pulse();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var completed = -1L;
        var deferred = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            var seen = reports.Version;
            try
            {
                var agents = await store.ListAgentsAsync(stoppingToken);
                if (agents.Count > 0)
                {
                    var everywhere = agents.Min(a => a.AppliedGeneration);
                    var somewhere = agents.Max(a => a.AppliedGeneration);
                    if (everywhere > completed || deferred)
                    {
                        var outcome = await store.CompleteTransitionsAsync(everywhere, time.GetUtcNow(), stoppingToken);
                        deferred = outcome.Deferred > 0;
                        if (everywhere > completed)
                            LogCompleted(everywhere, agents.Count, outcome.Completed);
                        completed = everywhere;
                    }
                    if (somewhere > everywhere)
                    {
                        // Hosts disagree (one is behind, or down): what only hosts that have applied it are involved in ends now.
                        var (instanceHosts, eniInstances) = await store.PlacementAsync(stoppingToken);
                        var applied = agents.Select(a => (a.Host, a.AppliedGeneration)).ToList();
                        bool Ready(object resource) => Involvement.Applied(
                            Involvement.InstanceOf(resource, eni => eniInstances.GetValueOrDefault(eni)), RevisionOf(resource), applied,
                            instance => instanceHosts.TryGetValue(instance, out var host) ? host : null);
                        var outcome = await store.CompleteTransitionsAsync(somewhere, everywhere, Ready, time.GetUtcNow(), stoppingToken);
                        deferred |= outcome.Deferred > 0;
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(e);
            }
            try
            {
                await reports.WaitAsync(seen, Tick, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static long RevisionOf(object resource) => resource switch
    {
        Eip e => e.Revision,
        NetworkInterface n => n.Revision,
        Instance i => i.Revision,
        _ => long.MaxValue,
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Generation {Generation} applied by all {Agents} agents; {Completed} transitions ended")]
    private partial void LogCompleted(long generation, int agents, int completed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ending transitions failed; retrying")]
    private partial void LogFailed(Exception e);
}
