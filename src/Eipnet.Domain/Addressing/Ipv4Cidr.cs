using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;

namespace Eipnet.Domain.Addressing;

/// <summary>An IPv4 network in CIDR form, with addresses handled as 32-bit numbers.</summary>
public readonly record struct Ipv4Cidr(uint Network, int PrefixLength)
{
    public uint Size => PrefixLength == 0 ? uint.MaxValue : 1u << (32 - PrefixLength);
    public uint Last => Network + (Size - 1);
    public uint Mask => PrefixLength == 0 ? 0 : uint.MaxValue << (32 - PrefixLength);

    public bool Contains(uint address) => (address & Mask) == Network;

    public bool Contains(Ipv4Cidr other) => other.PrefixLength >= PrefixLength && Contains(other.Network);

    public bool Overlaps(Ipv4Cidr other) => Contains(other.Network) || other.Contains(Network);

    public override string ToString() => $"{Format(Network)}/{PrefixLength}";

    /// <summary>Parses "a.b.c.d/n"; the address must be the network address itself (no host bits set).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Ipv4Cidr? cidr)
    {
        cidr = null;
        var slash = text?.IndexOf('/') ?? -1;
        if (slash < 0
            || !TryParseAddress(text![..slash], out var network)
            || !int.TryParse(text[(slash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var prefix)
            || prefix is < 0 or > 32)
            return false;
        var candidate = new Ipv4Cidr(network, prefix);
        if ((network & candidate.Mask) != network)
            return false;
        cidr = candidate;
        return true;
    }

    /// <summary>Parses a dotted-quad IPv4 address written canonically (no leading zeros, no shorthand).</summary>
    public static bool TryParseAddress(string text, out uint address)
    {
        address = 0;
        if (!IPAddress.TryParse(text, out var ip) || ip.AddressFamily != AddressFamily.InterNetwork || ip.ToString() != text)
            return false;
        address = BinaryPrimitives.ReadUInt32BigEndian(ip.GetAddressBytes());
        return true;
    }

    public static string Format(uint address) =>
        $"{address >> 24}.{(address >> 16) & 0xff}.{(address >> 8) & 0xff}.{address & 0xff}";
}
