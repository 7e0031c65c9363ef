namespace Eipnet.DataPlane.Linux.Ops;

/// <summary>Remove a route whose device stays where it is.</summary>
public sealed record DeleteRoute(string Namespace, string Destination, int Table = 0) : HostOp
{
    public override string ToString() => $"route del {Namespace} {Destination}" + (Table == 0 ? "" : $" table {Table}");
}
