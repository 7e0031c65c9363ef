using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;

namespace Eipnet.Api.Connections;

/// <summary>Connection middleware in front of Kestrel's HTTP layer: counts open connections, marks those over the limit,
/// and routes the connection's output through a <see cref="RefusalWriter"/>.</summary>
/// <remarks>Kestrel's own MaxConcurrentConnections sits above this at <see cref="HardLimit"/>: up to
/// <see cref="RefusalSlots"/> connections beyond <c>maxConnections</c> get an answer (Throttling), any more are closed
/// by Kestrel without one.</remarks>
public sealed class ConnectionGate(int maxConnections)
{
    /// <summary>How many connections over the limit may wait for their Throttling answer at once.</summary>
    public const int RefusalSlots = 64;

    private int open;

    public int MaxConnections => maxConnections;

    /// <summary>The limit to give Kestrel, beyond which it closes new connections at once.</summary>
    public long HardLimit => (long)maxConnections + RefusalSlots;

    /// <summary>Connections now open, over-limit ones included.</summary>
    public int Open => Volatile.Read(ref open);

    public async Task OnConnectionAsync(ConnectionContext connection, Func<Task> next)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(next);
        var overLimit = Interlocked.Increment(ref open) > maxConnections;
        var transport = connection.Transport;
        var output = new RefusalWriter(transport.Output);
        connection.Features.Set(new GuardedConnection(output, overLimit, maxConnections));
        connection.Transport = new Duplex(transport.Input, output);
        try
        {
            await next();
        }
        finally
        {
            connection.Transport = transport;
            Interlocked.Decrement(ref open);
        }
    }

    private sealed record Duplex(PipeReader Input, PipeWriter Output) : IDuplexPipe;
}
