using System.Buffers.Binary;
using System.Text;

namespace Eipnet.NftHelper;

/// <summary>The helper's wire format. A request is a length (4 bytes, big-endian) and that many bytes of UTF-8 nft script;
/// an answer is the return code (4 bytes) and two length-prefixed UTF-8 texts, what nft printed and its errors.</summary>
/// <remarks>The agent references this assembly for it, so both ends share one definition.</remarks>
public static class NftFrames
{
    /// <summary>No script or answer text is larger (a resync of 100k EIPs is about 5 MB of nft text).</summary>
    public const int MaxLength = 256 * 1024 * 1024;

    public static void WriteRequest(Stream stream, string script)
    {
        var bytes = Encoding.UTF8.GetBytes(script);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        stream.Write(length);
        stream.Write(bytes);
        stream.Flush();
    }

    /// <summary>Reads one request; false when the stream ended cleanly before it.</summary>
    public static bool TryReadRequest(Stream stream, out string script)
    {
        script = "";
        if (!TryReadInt(stream, out var length))
            return false;
        script = ReadText(stream, length);
        return true;
    }

    public static void Write(Stream stream, int code, string stdout, string stderr)
    {
        var o = Encoding.UTF8.GetBytes(stdout);
        var e = Encoding.UTF8.GetBytes(stderr);
        var head = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(head, code);
        BinaryPrimitives.WriteInt32BigEndian(head.AsSpan(4), o.Length);
        stream.Write(head);
        stream.Write(o);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, e.Length);
        stream.Write(length);
        stream.Write(e);
        stream.Flush();
    }

    /// <summary>Reads one answer; throws <see cref="EndOfStreamException"/> when the helper ended before giving it.</summary>
    public static (int Code, string Stdout, string Stderr) ReadAnswer(Stream stream)
    {
        if (!TryReadInt(stream, out var code))
            throw new EndOfStreamException("eipnet-nft ended without answering.");
        var stdout = ReadText(stream, ReadInt(stream));
        var stderr = ReadText(stream, ReadInt(stream));
        return (code, stdout, stderr);
    }

    private static int ReadInt(Stream stream) =>
        TryReadInt(stream, out var value) ? value : throw new EndOfStreamException("eipnet-nft frame cut short.");

    private static bool TryReadInt(Stream stream, out int value)
    {
        Span<byte> buffer = stackalloc byte[4];
        var read = stream.ReadAtLeast(buffer, 4, throwOnEndOfStream: false);
        value = read == 4 ? BinaryPrimitives.ReadInt32BigEndian(buffer) : 0;
        return read switch
        {
            4 => true,
            0 => false,
            _ => throw new EndOfStreamException("eipnet-nft frame cut short."),
        };
    }

    private static string ReadText(Stream stream, int length)
    {
        if (length is < 0 or > MaxLength)
            throw new InvalidDataException($"eipnet-nft frame of {length} bytes.");
        var bytes = new byte[length];
        stream.ReadExactly(bytes);
        return Encoding.UTF8.GetString(bytes);
    }
}
