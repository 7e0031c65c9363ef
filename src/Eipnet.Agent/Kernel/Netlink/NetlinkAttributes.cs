using System.Buffers.Binary;

namespace Eipnet.Agent.Kernel.Netlink;

/// <summary>Reads the attributes (type-length-value, 4-byte aligned) of a message the kernel sent.</summary>
internal static class NetlinkAttributes
{
    private const ushort TypeMask = 0x3fff; // without NLA_F_NESTED and NLA_F_NET_BYTEORDER

    /// <summary>The value of the first attribute of <paramref name="type"/> in <paramref name="attributes"/>; false when there is none.</summary>
    public static bool TryFind(ReadOnlySpan<byte> attributes, ushort type, out ReadOnlySpan<byte> value)
    {
        while (attributes.Length >= 4)
        {
            var length = BinaryPrimitives.ReadUInt16LittleEndian(attributes);
            if (length < 4 || length > attributes.Length)
                break;
            if ((BinaryPrimitives.ReadUInt16LittleEndian(attributes[2..]) & TypeMask) == type)
            {
                value = attributes[4..length];
                return true;
            }
            attributes = attributes[Math.Min(NetlinkMessage.Align(length), attributes.Length)..];
        }
        value = default;
        return false;
    }

    /// <summary>The whole attribute (header and value) of <paramref name="type"/>, to send back to the kernel as it came.</summary>
    public static bool TryFindRaw(ReadOnlySpan<byte> attributes, ushort type, out ReadOnlySpan<byte> raw)
    {
        var rest = attributes;
        while (rest.Length >= 4)
        {
            var length = BinaryPrimitives.ReadUInt16LittleEndian(rest);
            if (length < 4 || length > rest.Length)
                break;
            if ((BinaryPrimitives.ReadUInt16LittleEndian(rest[2..]) & TypeMask) == type)
            {
                raw = rest[..length];
                return true;
            }
            rest = rest[Math.Min(NetlinkMessage.Align(length), rest.Length)..];
        }
        raw = default;
        return false;
    }

    /// <summary>Follows a path of nested attributes (each but the last a nest) to a value.</summary>
    public static bool TryFindPath(ReadOnlySpan<byte> attributes, ReadOnlySpan<ushort> path, out ReadOnlySpan<byte> value)
    {
        value = attributes;
        foreach (var type in path)
        {
            if (!TryFind(value, type, out value))
                return false;
        }
        return true;
    }
}
