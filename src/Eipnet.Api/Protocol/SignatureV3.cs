using System.Security.Cryptography;
using System.Text;

namespace Eipnet.Api.Protocol;

/// <summary>Alibaba's signature V3 (ACS3-HMAC-SHA256), carried in the Authorization header.</summary>
public static class SignatureV3
{
    /// <summary>Lower-case hex SHA-256 of a body, the value the x-acs-content-sha256 header must carry.</summary>
    public static string ContentSha256(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));

    /// <summary>Returns the Authorization header value for a request to path "/".</summary>
    /// <remarks>
    /// Signs every header named host or content-type or starting with x-acs-, as the SDKs do; so <paramref name="headers"/>
    /// must already hold host, x-acs-action, x-acs-version, x-acs-date, x-acs-signature-nonce and
    /// x-acs-content-sha256 (= <see cref="ContentSha256"/> of <paramref name="body"/>), exactly as they will be sent.
    /// </remarks>
    public static string Sign(
        string httpMethod,
        IEnumerable<KeyValuePair<string, string>> query,
        IReadOnlyDictionary<string, string> headers,
        ReadOnlySpan<byte> body,
        string accessKeyId,
        string accessKeySecret)
    {
        ArgumentNullException.ThrowIfNull(httpMethod);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(accessKeyId);
        ArgumentNullException.ThrowIfNull(accessKeySecret);

        var signed = headers
            .Select(h => (Name: h.Key.ToLowerInvariant(), h.Value))
            .Where(h => h.Name is "host" or "content-type" || h.Name.StartsWith("x-acs-", StringComparison.Ordinal))
            .GroupBy(h => h.Name, h => h.Value, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<string>)[.. g]))
            .ToList();
        var signedHeaders = string.Join(';', signed.Select(h => h.Key));

        var stringToSign = StringToSign(httpMethod, "/", query, signed, signedHeaders, ContentSha256(body));
        return $"{Acs3Authorization.Algorithm} Credential={accessKeyId},SignedHeaders={signedHeaders},Signature={Compute(stringToSign, accessKeySecret)}";
    }

    /// <param name="headers">The signed headers in SignedHeaders order, each with every value it arrived with.</param>
    internal static string StringToSign(
        string httpMethod,
        string canonicalUri,
        IEnumerable<KeyValuePair<string, string>> query,
        IEnumerable<(string Name, IReadOnlyList<string> Values)> headers,
        string signedHeaders,
        string payloadSha256)
    {
        var canonicalHeaders = new StringBuilder();
        foreach (var (name, values) in headers)
        {
            var joined = string.Join(',', values.Select(v => v.Trim()).Order(StringComparer.Ordinal));
            canonicalHeaders.Append(name).Append(':').Append(joined).Append('\n');
        }

        // CanonicalHeaders ends with '\n', so a blank line precedes SignedHeaders (sdk-wire.md 5.1).
        var canonicalRequest = string.Join('\n',
            httpMethod, canonicalUri, CanonicalPairs.Join(query), canonicalHeaders.ToString(), signedHeaders, payloadSha256);
        return Acs3Authorization.Algorithm + "\n" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));
    }

    internal static string Compute(string stringToSign, string accessKeySecret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(accessKeySecret), Encoding.UTF8.GetBytes(stringToSign)));
}
