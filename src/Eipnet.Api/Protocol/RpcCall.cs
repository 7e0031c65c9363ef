namespace Eipnet.Api.Protocol;

/// <summary>Everything the dispatcher and the signature check need from one HTTP request, already decoded.</summary>
public sealed class RpcCall
{
    internal RpcCall(
        string httpMethod,
        string canonicalUri,
        IReadOnlyList<KeyValuePair<string, string>> queryPairs,
        IReadOnlyList<KeyValuePair<string, string>> formPairs,
        IReadOnlyDictionary<string, string[]> headers,
        string bodySha256)
    {
        HttpMethod = httpMethod;
        CanonicalUri = canonicalUri;
        QueryPairs = queryPairs;
        FormPairs = formPairs;
        Headers = headers;
        BodySha256 = bodySha256;

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in queryPairs.Concat(formPairs))
            parameters.TryAdd(name, value);
        Parameters = parameters;

        Authorization = Acs3Authorization.Parse(Header("authorization"));
        Kind = Authorization is not null ? SignatureKind.V3
            : !string.IsNullOrEmpty(Get("Signature")) ? SignatureKind.V1
            : SignatureKind.None;

        // V1 leaves the x-acs-* headers unsigned, so only its parameters may name the call;
        // under V3 the query, the body and the x-acs-* headers are all signed.
        var fromHeaders = Kind != SignatureKind.V1;
        Action = Get("Action") ?? (fromHeaders ? Header("x-acs-action") : null);
        Version = Get("Version") ?? (fromHeaders ? Header("x-acs-version") : null);

        // Replay protection must rest on signed values: the parameters under V1, the x-acs-* headers under V3.
        (AccessKeyId, Nonce, Timestamp) = Kind switch
        {
            SignatureKind.V3 => (Authorization!.Credential, Header("x-acs-signature-nonce"), Header("x-acs-date")),
            SignatureKind.V1 => (Get("AccessKeyId"), Get("SignatureNonce"), Get("Timestamp")),
            _ => (Get("AccessKeyId"), Header("x-acs-signature-nonce") ?? Get("SignatureNonce"), Header("x-acs-date") ?? Get("Timestamp")),
        };

        WantsXml = Kind != SignatureKind.V3 && string.Equals(Get("Format"), "XML", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>GET, POST or HEAD, upper-case.</summary>
    public string HttpMethod { get; }

    /// <summary>The Action parameter, else (unless V1, where headers are unsigned) the x-acs-action header.</summary>
    public string? Action { get; }

    /// <summary>The Version parameter, else (unless V1) the x-acs-version header.</summary>
    public string? Version { get; }

    /// <summary>Query parameters, then form-body parameters; the first occurrence of a name wins; names compare ordinally.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; }

    public string? AccessKeyId { get; }

    /// <summary>SignatureNonce under V1, x-acs-signature-nonce under V3: always the signed one.</summary>
    public string? Nonce { get; }

    /// <summary>The raw timestamp string; its format is checked by <see cref="SignatureVerifier"/>.</summary>
    public string? Timestamp { get; }

    public SignatureKind Kind { get; }

    /// <summary>True only for a V1 request with Format=XML (any case); everything else is answered in JSON.</summary>
    public bool WantsXml { get; }

    public string? Get(string name) => Parameters.GetValueOrDefault(name);

    internal string CanonicalUri { get; }

    /// <summary>Decoded query pairs in wire order, duplicates kept, so the signature covers every one.</summary>
    internal IReadOnlyList<KeyValuePair<string, string>> QueryPairs { get; }

    internal IReadOnlyList<KeyValuePair<string, string>> FormPairs { get; }

    /// <summary>Request headers, names case-insensitive.</summary>
    internal IReadOnlyDictionary<string, string[]> Headers { get; }

    /// <summary>Lower-case hex SHA-256 of the body bytes as received.</summary>
    internal string BodySha256 { get; }

    internal Acs3Authorization? Authorization { get; }

    internal string? Header(string name) =>
        Headers.TryGetValue(name, out var values) && values.Length > 0 ? values[0] : null;
}
