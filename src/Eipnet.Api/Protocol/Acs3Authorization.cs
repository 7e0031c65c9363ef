namespace Eipnet.Api.Protocol;

/// <summary>The fields of an <c>ACS3-HMAC-SHA256 Credential=..,SignedHeaders=..,Signature=..</c> header; a missing field is null.</summary>
internal sealed record Acs3Authorization(string? Credential, string? SignedHeaders, string? Signature)
{
    public const string Algorithm = "ACS3-HMAC-SHA256";

    /// <summary>Null when the header is absent or uses another scheme.</summary>
    public static Acs3Authorization? Parse(string? header)
    {
        if (header is null || !header.StartsWith(Algorithm + " ", StringComparison.Ordinal))
            return null;

        string? credential = null, signedHeaders = null, signature = null;
        foreach (var part in header[(Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=');
            if (eq < 0)
                continue;
            var value = part[(eq + 1)..];
            switch (part[..eq])
            {
                case "Credential": credential ??= value; break;
                case "SignedHeaders": signedHeaders ??= value; break;
                case "Signature": signature ??= value; break;
            }
        }
        return new Acs3Authorization(NullIfEmpty(credential), NullIfEmpty(signedHeaders), NullIfEmpty(signature));
    }

    public IReadOnlyList<string> SignedHeaderNames => SignedHeaders?.Split(';') ?? [];

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
