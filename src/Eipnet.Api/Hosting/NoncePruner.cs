using Eipnet.Store;
using Microsoft.Extensions.Hosting;

namespace Eipnet.Api.Hosting;

/// <summary>Forgets signature nonces once their timestamps are outside the 15-minute replay window (they would be rejected anyway).</summary>
public sealed class NoncePruner(IEipStore store, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(16);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await store.PruneNoncesAsync(time.GetUtcNow() - Window, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The database may be briefly unavailable; the next tick prunes.
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
