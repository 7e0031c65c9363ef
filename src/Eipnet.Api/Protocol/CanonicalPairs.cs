namespace Eipnet.Api.Protocol;

/// <summary>The <c>name=value&amp;...</c> form both signatures hash: sorted ordinally, each side re-encoded.</summary>
internal static class CanonicalPairs
{
    public static string Join(IEnumerable<KeyValuePair<string, string>> pairs) =>
        string.Join('&', pairs
            // Ordinal, as JavaScript's default sort: a culture-aware sort puts VpcId before VSwitchId and breaks signatures.
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => PercentEncoding.Encode(p.Key) + "=" + PercentEncoding.Encode(p.Value)));
}
