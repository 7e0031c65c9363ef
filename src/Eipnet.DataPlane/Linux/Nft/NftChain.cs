namespace Eipnet.DataPlane.Linux.Nft;

/// <summary>A chain of our table: Hook is the base-chain line ("type nat hook prerouting priority dstnat; policy accept;")
/// or null for a chain only reached by jumps; Rules in evaluation order, in nft syntax.</summary>
public sealed record NftChain(string Name, string? Hook, IReadOnlyList<string> Rules)
{
    public bool SameRules(NftChain other) => Hook == other.Hook && Rules.SequenceEqual(other.Rules, StringComparer.Ordinal);
}
