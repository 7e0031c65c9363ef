using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;

namespace Eipnet.Api.Protocol;

/// <summary>The RFC 3986 percent-encoding both Alibaba signatures use, and the strict decoding of what clients send.</summary>
public static class PercentEncoding
{
    /// <summary>Encodes the UTF-8 bytes of <paramref name="value"/>, keeping only A-Z a-z 0-9 - _ . ~ (space becomes %20, hex is upper-case).</summary>
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var bytes = Encoding.UTF8.GetBytes(value);
        var builder = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            if (IsUnreserved(b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(UpperHex[b >> 4]).Append(UpperHex[b & 0xF]);
            }
        }
        return builder.ToString();
    }

    /// <summary>Decodes one name or value; fails on a broken escape or on bytes that are not UTF-8.</summary>
    /// <remarks>Uri.UnescapeDataString would keep bad sequences as they are, so the signature would cover text the dispatcher never sees.</remarks>
    internal static bool TryDecode(
        ReadOnlySpan<byte> encoded,
        bool plusIsSpace,
        [NotNullWhen(true)] out string? decoded,
        [NotNullWhen(false)] out string? problem)
    {
        var bytes = encoded.Length <= 256 ? stackalloc byte[encoded.Length] : new byte[encoded.Length];
        var length = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            var b = encoded[i];
            if (b == '%')
            {
                if (i + 2 >= encoded.Length)
                {
                    decoded = null;
                    problem = "a truncated percent-encoding at its end";
                    return false;
                }
                var high = HexValue(encoded[i + 1]);
                var low = HexValue(encoded[i + 2]);
                if (high < 0 || low < 0)
                {
                    decoded = null;
                    problem = $"a malformed percent-encoding \"%{(char)encoded[i + 1]}{(char)encoded[i + 2]}\"";
                    return false;
                }
                bytes[length++] = (byte)(high << 4 | low);
                i += 2;
            }
            else
            {
                bytes[length++] = plusIsSpace && b == '+' ? (byte)' ' : b;
            }
        }

        var raw = bytes[..length];
        if (!Utf8.IsValid(raw))
        {
            decoded = null;
            problem = "bytes that are not valid UTF-8";
            return false;
        }
        decoded = Encoding.UTF8.GetString(raw);
        problem = null;
        return true;
    }

    private const string UpperHex = "0123456789ABCDEF";

    private static bool IsUnreserved(byte b) =>
        b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~';

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        _ => -1,
    };
}
