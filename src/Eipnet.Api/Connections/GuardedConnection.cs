namespace Eipnet.Api.Connections;

/// <summary>What <see cref="ConnectionGate"/> knows about one connection, set as a connection feature; request features
/// fall back to connection features, so both Kestrel's BadRequest event and the dispatcher reach it.</summary>
/// <remarks>OverLimit: the connection arrived while the server already served its limit; its first request is answered
/// Throttling and the connection closed.</remarks>
internal sealed class GuardedConnection(RefusalWriter output, bool overLimit, int limit)
{
    public RefusalWriter Output => output;
    public bool OverLimit => overLimit;
    public int Limit => limit;
}
