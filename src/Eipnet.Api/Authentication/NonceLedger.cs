using System.Threading.Channels;
using Eipnet.Store;
using Microsoft.Extensions.Hosting;

namespace Eipnet.Api.Authentication;

/// <summary>Decides whether a signature nonce is new. Nonces are written to the database in batches (one transaction for all
/// requests that arrive while the previous batch is written), so replay protection costs one write per batch, not per request,
/// and still holds across restarts and across servers sharing PostgreSQL (the nonce is the table's key).</summary>
public sealed class NonceLedger(IEipStore store, TimeProvider time) : BackgroundService
{
    private const int MaxBatch = 500;
    private readonly Channel<(string Nonce, TaskCompletionSource<bool> Fresh)> pending = Channel.CreateUnbounded<(string, TaskCompletionSource<bool>)>();

    /// <summary>True when the nonce had not been used; completes once the nonce is durably recorded.</summary>
    public Task<bool> TryUseAsync(string nonce)
    {
        var fresh = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!pending.Writer.TryWrite((nonce, fresh)))
            fresh.SetException(new ObjectDisposedException(nameof(NonceLedger)));
        return fresh.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(string Nonce, TaskCompletionSource<bool> Fresh)>();
        try
        {
            while (await pending.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && pending.Reader.TryRead(out var item))
                    batch.Add(item);
                await WriteAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
        pending.Writer.TryComplete();
        while (pending.Reader.TryRead(out var left))
            left.Fresh.TrySetCanceled();
    }

    private async Task WriteAsync(List<(string Nonce, TaskCompletionSource<bool> Fresh)> batch, CancellationToken ct)
    {
        try
        {
            var distinct = batch.Select(b => b.Nonce).Distinct(StringComparer.Ordinal).ToList();
            var fresh = new HashSet<string>(await store.UseNoncesAsync(distinct, time.GetUtcNow(), ct), StringComparer.Ordinal);
            // Within a batch the first request with a nonce wins; the database decides against earlier batches.
            foreach (var (nonce, result) in batch)
                result.TrySetResult(fresh.Remove(nonce));
        }
        catch (Exception e)
        {
            foreach (var (_, result) in batch)
                result.TrySetException(e);
        }
    }
}
