namespace Eipnet.DataPlane.Linux.Planning;

/// <summary>One element of a set or map in the nft table of <see cref="Namespace"/> (Value null in a set), in nft syntax.</summary>
internal readonly record struct NftElement(string Namespace, string Set, string Key, string? Value);
