using System.Buffers.Binary;
using System.Text;

namespace Eipnet.Agent.Kernel.Netlink;

/// <summary>One netlink request being written: the 16-byte header, the family's fixed header, then attributes (nested ones
/// through <see cref="BeginNested"/>/<see cref="EndNested"/>), each padded to 4 bytes as the kernel reads them.</summary>
internal sealed class NetlinkMessage
{
    public const ushort Request = 0x1, Ack = 0x4, Dump = 0x300;
    public const ushort Replace = 0x100, Exclusive = 0x200, Create = 0x400;

    private byte[] buffer = new byte[256];
    private int length;

    public NetlinkMessage(ushort type, ushort flags, string description)
    {
        Type = type;
        Flags = flags;
        Description = description;
        length = 16;
    }

    public ushort Type { get; }
    public ushort Flags { get; }

    /// <summary>What the request does, in ip's words, for error messages.</summary>
    public string Description { get; }

    /// <summary>The finished message with its length, flags and sequence number in the header.</summary>
    public ReadOnlySpan<byte> Finish(uint sequence)
    {
        var header = buffer.AsSpan(0, 16);
        BinaryPrimitives.WriteUInt32LittleEndian(header, (uint)length);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], Type);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], Flags);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], sequence);
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], 0); // port id 0: the kernel fills in ours
        return buffer.AsSpan(0, length);
    }

    /// <summary>Appends raw bytes (a family header, already laid out), padded to 4.</summary>
    public NetlinkMessage Bytes(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Grow(Align(bytes.Length)));
        return this;
    }

    public NetlinkMessage Attribute(ushort type, ReadOnlySpan<byte> value)
    {
        var at = Grow(Align(4 + value.Length));
        BinaryPrimitives.WriteUInt16LittleEndian(at, (ushort)(4 + value.Length));
        BinaryPrimitives.WriteUInt16LittleEndian(at[2..], type);
        value.CopyTo(at[4..]);
        return this;
    }

    public NetlinkMessage U8(ushort type, byte value) => Attribute(type, [value]);

    public NetlinkMessage U32(ushort type, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return Attribute(type, bytes);
    }

    public NetlinkMessage U64(ushort type, ulong value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        return Attribute(type, bytes);
    }

    /// <summary>A NUL-terminated string attribute (interface names, table and kind names).</summary>
    public NetlinkMessage String(ushort type, string value)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(value) + 1];
        Encoding.UTF8.GetBytes(value, bytes);
        return Attribute(type, bytes);
    }

    /// <summary>Opens a nested attribute; returns where it starts, for <see cref="EndNested"/>.</summary>
    public int BeginNested(ushort type)
    {
        var start = length;
        var at = Grow(4);
        BinaryPrimitives.WriteUInt16LittleEndian(at[2..], type);
        return start;
    }

    public NetlinkMessage EndNested(int start)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(buffer.AsSpan(start), (ushort)(length - start));
        return this;
    }

    public static int Align(int n) => (n + 3) & ~3;

    private Span<byte> Grow(int n)
    {
        if (length + n > buffer.Length)
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + n));
        var at = buffer.AsSpan(length, n);
        at.Clear();
        length += n;
        return at;
    }
}
