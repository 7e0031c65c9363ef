namespace Eipnet.DataPlane.Linux.Ops;

/// <summary>Commands for one <c>nft -f</c> run in the gateway namespace: applied all-or-nothing.</summary>
public sealed record NftTransaction(string Namespace, IReadOnlyList<string> Commands) : HostOp
{
    /// <summary>The file to feed to <c>nft -f</c>.</summary>
    public string Text => string.Join("\n", Commands) + "\n";

    public override string ToString() => $"nft {Namespace}\n" + string.Join("\n", Commands.Select(c => "  " + c.Replace("\n", "\n  ", StringComparison.Ordinal)));
}
