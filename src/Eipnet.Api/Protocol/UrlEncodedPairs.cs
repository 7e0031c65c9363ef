using System.Text;
using Eipnet.Domain.Errors;

namespace Eipnet.Api.Protocol;

/// <summary>Splits <c>a=1&amp;b=2</c> (a raw query or a form body) into decoded pairs, within the request limits.</summary>
internal static class UrlEncodedPairs
{
    public const int MaxCount = 1000;
    public const int MaxNameLength = 256;
    public const int MaxValueBytes = 32 * 1024;

    /// <summary>Appends the pairs of <paramref name="raw"/> to <paramref name="into"/>, which counts towards <see cref="MaxCount"/> across calls.</summary>
    /// <param name="source">"query string" or "form body", for messages.</param>
    public static EipError? Parse(ReadOnlySpan<byte> raw, bool plusIsSpace, string source, List<KeyValuePair<string, string>> into)
    {
        while (!raw.IsEmpty)
        {
            var amp = raw.IndexOf((byte)'&');
            var segment = amp < 0 ? raw : raw[..amp];
            raw = amp < 0 ? [] : raw[(amp + 1)..];
            if (segment.IsEmpty)
                continue;
            if (into.Count == MaxCount)
                return Invalid($"The request has more than {MaxCount} parameters.");

            // A segment without '=' is a name with an empty value; empty values are signed like any other.
            var eq = segment.IndexOf((byte)'=');
            var rawName = eq < 0 ? segment : segment[..eq];
            var rawValue = eq < 0 ? [] : segment[(eq + 1)..];

            if (!PercentEncoding.TryDecode(rawName, plusIsSpace, out var name, out var problem))
                return Invalid($"A parameter name in the {source} contains {problem}.");
            if (name.Length == 0)
                return Invalid($"A parameter in the {source} has an empty name.");
            if (name.Length > MaxNameLength)
                return Invalid($"The parameter name \"{name[..32]}...\" in the {source} is longer than {MaxNameLength} characters.");
            if (!PercentEncoding.TryDecode(rawValue, plusIsSpace, out var value, out problem))
                return EipError.InvalidParameter(name, $"the value in the {source} contains {problem}.");
            if (Encoding.UTF8.GetByteCount(value) > MaxValueBytes)
                return EipError.InvalidParameter(name, $"the value is longer than {MaxValueBytes} bytes.");

            into.Add(new(name, value));
        }
        return null;
    }

    private static EipError Invalid(string message) => new("InvalidParameter", message, 400);
}
