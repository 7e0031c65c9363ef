using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Eipnet.Agent.Kernel.Netlink;

/// <summary>An IPv4 address with a prefix length as ip reads it: "10.0.1.5/24", "10.0.1.5" (a /32), "default" or "all"
/// (0.0.0.0/0). The address keeps its host bits (an interface address needs them).</summary>
internal readonly record struct Ipv4Prefix(byte[] Address, int Length)
{
    public bool IsAny => Length == 0;

    public static Ipv4Prefix Parse(string text)
    {
        if (text is "default" or "all")
            return new Ipv4Prefix(new byte[4], 0);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var address = ParseAddress(slash < 0 ? text : text[..slash]);
        var length = slash < 0 ? 32 : int.Parse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture);
        return length is >= 0 and <= 32 ? new Ipv4Prefix(address, length) : throw new FormatException($"'{text}' has no valid IPv4 prefix length.");
    }

    /// <summary>The four bytes of an IPv4 address, in network order.</summary>
    public static byte[] ParseAddress(string text) =>
        IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetwork
            ? address.GetAddressBytes()
            : throw new FormatException($"'{text}' is not an IPv4 address.");
}
