namespace Eipnet.DataPlane.Linux.Nft;

/// <summary>A named set or map of our table: Keyword "set" or "map", Type as nft writes it ("ipv4_addr : ipv4_addr"),
/// Elements from key to value (null in a set), both in nft syntax.</summary>
public sealed record NftSet(string Keyword, string Name, string Type, IReadOnlyDictionary<string, string?> Elements)
{
    /// <summary>Verdict maps name chains, so they are declared after the chains they jump to.</summary>
    public bool IsVerdictMap => Type.EndsWith(": verdict", StringComparison.Ordinal);

    public static string Element(string key, string? value) => value is null ? key : key + " : " + value;

    /// <summary>Each element counts the packets and bytes that matched it (nft's per-element counter).</summary>
    public bool Counter { get; init; }
}
