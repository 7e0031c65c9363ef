namespace Eipnet.DataPlane.Linux.Ops;

/// <summary>Forget every conntrack entry in the namespace with <see cref="Address"/> in its original or reply tuple
/// (conntrack -D with -s, -d, -r and -q in turn), so no packet of an old flow follows the old translation or route.</summary>
public sealed record FlushConntrack(string Namespace, string Address) : HostOp
{
    public override string ToString() => $"conntrack flush {Namespace} {Address}";
}
