namespace Eipnet.Api.Reconciliation;

/// <summary>Tells whoever hands intent to a data plane (the in-process reconciler, agents' watches) that the store changed.</summary>
/// <remarks>A version counter: a waiter remembers the version it has seen, so a pulse between its read and its wait is not lost,
/// and any number of pulses during a pass collapse into one more pass.</remarks>
public sealed class ChangeSignal
{
    private readonly Lock gate = new();
    private TaskCompletionSource next = NewSource();
    private long version;

    public long Version
    {
        get
        {
            lock (gate)
                return version;
        }
    }

    /// <summary>Called after every accepted change.</summary>
    public void Pulse()
    {
        TaskCompletionSource pulsed;
        lock (gate)
        {
            version++;
            pulsed = next;
            next = NewSource();
        }
        pulsed.TrySetResult();
    }

    /// <summary>Returns true once the version differs from <paramref name="seen"/> (at once if it already does), false after the timeout.</summary>
    public async Task<bool> WaitAsync(long seen, TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        Task pulsed;
        lock (gate)
        {
            if (version != seen)
                return true;
            pulsed = next.Task;
        }
        try
        {
            await pulsed.WaitAsync(timeout, time, ct);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
