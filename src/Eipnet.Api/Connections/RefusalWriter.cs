using System.Buffers;
using System.IO.Pipelines;

namespace Eipnet.Api.Connections;

/// <summary>A connection's output to the socket. It passes Kestrel's writes through until <see cref="Refuse"/> is called;
/// from then on it drops what Kestrel writes (its own empty-bodied 4xx) and sends the given response instead, once.</summary>
/// <remarks>Kestrel writes an HTTP/1.1 connection's responses strictly in order, and a rejected request is the last one on
/// its connection, so everything before the call belongs to earlier, complete responses and everything after it to the
/// rejection. Refuse runs on the connection's own processing flow (Kestrel's BadRequest event), never concurrently with
/// a write.</remarks>
internal sealed class RefusalWriter(PipeWriter inner) : PipeWriter
{
    private byte[]? refusal;
    private bool refusalSent;
    private byte[] discard = [];

    /// <summary>Replaces whatever Kestrel answers from now on with <paramref name="response"/> (a complete HTTP response).</summary>
    public void Refuse(byte[] response) => refusal ??= response;

    private bool Dropping => refusal is not null;

    public override void Advance(int bytes)
    {
        if (!Dropping)
            inner.Advance(bytes);
    }

    public override Memory<byte> GetMemory(int sizeHint = 0) => Dropping ? Discard(sizeHint) : inner.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => Dropping ? Discard(sizeHint) : inner.GetSpan(sizeHint);

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        SendRefusal();
        return inner.FlushAsync(cancellationToken);
    }

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null)
    {
        // Completing without an error commits what was written, so the refusal still reaches the socket.
        if (exception is null)
            SendRefusal();
        inner.Complete(exception);
    }

    public override ValueTask CompleteAsync(Exception? exception = null)
    {
        if (exception is null)
            SendRefusal();
        return inner.CompleteAsync(exception);
    }

    public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

    public override long UnflushedBytes => inner.UnflushedBytes;

    private void SendRefusal()
    {
        if (refusal is null || refusalSent)
            return;
        refusalSent = true;
        inner.Write(refusal);
    }

    private byte[] Discard(int sizeHint)
    {
        if (discard.Length < Math.Max(sizeHint, 4096))
            discard = new byte[Math.Max(sizeHint, 4096)];
        return discard;
    }
}
