using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Eipnet.Agent.Kernel.Netlink;

/// <summary>An AF_NETLINK socket of one protocol (rtnetlink, nfnetlink), bound to the network namespace of the thread that
/// opened it for as long as it lives: requests go out one at a time and each waits for the kernel's answer.</summary>
/// <remarks>Every call is a system call answered by the kernel before it returns (no other process, no wake-up to wait
/// for), so the calls are synchronous; a receive timeout bounds the wait should the kernel hold the RTNL lock long.</remarks>
internal sealed partial class NetlinkSocket : IDisposable
{
    public const int Route = 0;      // NETLINK_ROUTE
    public const int Netfilter = 12; // NETLINK_NETFILTER

    private const int AfNetlink = 16, SockRaw = 3, SockCloexec = 0x80000;
    private const int SolSocket = 1, SoSndbuf = 7, SoRcvbuf = 8, SoRcvtimeo = 20;
    private const int SolNetlink = 270, NetlinkCapAck = 10, NetlinkExtAck = 11;
    private const int MsgTrunc = 0x20;
    private const int EPERM = 1, EINTR = 4, EAGAIN = 11, EACCES = 13, EPROTONOSUPPORT = 93, EAFNOSUPPORT = 97;
    private const ushort NlmsgError = 2, NlmsgDone = 3;
    private const ushort AckTlvs = 0x200; // on an NLMSG_ERROR: extended ack attributes follow
    private const ushort NlmsgerrAttrMsg = 1;

    private readonly SafeFd fd;
    private readonly byte[] receive = new byte[64 * 1024];
    private readonly Lock gate = new();
    private uint sequence;

    private NetlinkSocket(SafeFd fd) => this.fd = fd;

    /// <summary>Opens a socket in the calling thread's network namespace. Throws <see cref="NotSupportedException"/> when
    /// this system has no netlink for us (not Linux, the family or protocol missing, not allowed), an IOException for
    /// anything that may pass (such as running out of descriptors).</summary>
    public static NetlinkSocket Open(int protocol)
    {
        SafeFd fd;
        try
        {
            fd = new SafeFd(socket(AfNetlink, SockRaw | SockCloexec, protocol));
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            throw new NotSupportedException("netlink is not available: no libc socket()", e);
        }
        if (fd.IsInvalid)
        {
            var errno = Marshal.GetLastPInvokeError();
            fd.Dispose();
            var what = $"socket(AF_NETLINK, {protocol}) failed: errno {errno}";
            throw errno is EPERM or EACCES or EPROTONOSUPPORT or EAFNOSUPPORT ? new NotSupportedException(what) : new IOException(what);
        }
        try
        {
            Span<byte> address = stackalloc byte[12]; // sockaddr_nl: family, pad, port id 0 (the kernel picks one), groups 0
            BinaryPrimitives.WriteUInt16LittleEndian(address, AfNetlink);
            if (bind(fd, address, address.Length) != 0)
                throw new IOException($"bind(AF_NETLINK) failed: errno {Marshal.GetLastPInvokeError()}");
            SetOption(fd, SolSocket, SoSndbuf, 1 << 20);
            SetOption(fd, SolSocket, SoRcvbuf, 1 << 20);
            // Errors carry the kernel's explanation, and not a copy of our request.
            SetOption(fd, SolNetlink, NetlinkExtAck, 1);
            SetOption(fd, SolNetlink, NetlinkCapAck, 1);
            Span<long> timeout = [10, 0]; // struct timeval: 10 s
            if (setsockopt(fd, SolSocket, SoRcvtimeo, MemoryMarshal.AsBytes(timeout), 16) != 0)
                throw new IOException($"setsockopt(SO_RCVTIMEO) failed: errno {Marshal.GetLastPInvokeError()}");
            return new NetlinkSocket(fd);
        }
        catch
        {
            fd.Dispose();
            throw;
        }
    }

    /// <summary>Sends a request and waits for its answer; each message the kernel sends back before the final ack or
    /// NLMSG_DONE goes to <paramref name="each"/> (type, then the payload after the netlink header). Throws
    /// <see cref="NetlinkException"/> when the kernel answers with an error.</summary>
    public void Exchange(NetlinkMessage request, ReceiveAction? each = null)
    {
        lock (gate)
        {
            var seq = ++sequence;
            Send(request.Finish(seq), request.Description);
            while (true)
            {
                var received = Receive(request.Description);
                var messages = receive.AsSpan(0, received);
                while (messages.Length >= 16)
                {
                    var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(messages);
                    if (length < 16 || length > messages.Length)
                        throw new IOException($"{request.Description}: a malformed netlink answer");
                    var type = BinaryPrimitives.ReadUInt16LittleEndian(messages[4..]);
                    var flags = BinaryPrimitives.ReadUInt16LittleEndian(messages[6..]);
                    var messageSeq = BinaryPrimitives.ReadUInt32LittleEndian(messages[8..]);
                    var payload = messages[16..length];
                    messages = messages[Math.Min(NetlinkMessage.Align(length), messages.Length)..];
                    if (messageSeq != seq)
                        continue; // the late answer to a request that timed out
                    if (type == NlmsgError)
                    {
                        var error = -BinaryPrimitives.ReadInt32LittleEndian(payload);
                        if (error == 0)
                            return;
                        throw new NetlinkException(request.Description, error, ExtendedMessage(payload, flags));
                    }
                    if (type == NlmsgDone)
                    {
                        var error = payload.Length >= 4 ? -BinaryPrimitives.ReadInt32LittleEndian(payload) : 0;
                        if (error != 0)
                            throw new NetlinkException(request.Description, error, null);
                        return;
                    }
                    each?.Invoke(type, payload);
                }
            }
        }
    }

    public delegate void ReceiveAction(ushort type, ReadOnlySpan<byte> payload);

    public void Dispose() => fd.Dispose();

    private void Send(ReadOnlySpan<byte> message, string what)
    {
        while (true)
        {
            var sent = send(fd, message, message.Length, 0);
            if (sent == message.Length)
                return;
            var errno = Marshal.GetLastPInvokeError();
            if (sent < 0 && errno == EINTR)
                continue;
            throw new IOException($"{what}: send on a netlink socket failed: errno {errno}");
        }
    }

    private int Receive(string what)
    {
        while (true)
        {
            var received = recv(fd, receive, receive.Length, MsgTrunc);
            if (received > receive.Length)
                throw new IOException($"{what}: a netlink answer of {received} bytes did not fit in {receive.Length}");
            if (received > 0)
                return (int)received;
            var errno = Marshal.GetLastPInvokeError();
            if (received < 0 && errno == EINTR)
                continue;
            throw new IOException(errno == EAGAIN
                ? $"{what}: the kernel did not answer within 10 s"
                : $"{what}: recv on a netlink socket failed: errno {errno}");
        }
    }

    // struct nlmsgerr is the error, then the request's header (capped: without its payload), then the ack's attributes.
    private static string? ExtendedMessage(ReadOnlySpan<byte> payload, ushort flags) =>
        (flags & AckTlvs) != 0 && payload.Length > 20 && NetlinkAttributes.TryFind(payload[20..], NlmsgerrAttrMsg, out var text)
            ? Encoding.UTF8.GetString(text.TrimEnd((byte)0))
            : null;

    private static void SetOption(SafeFd fd, int level, int name, int value)
    {
        Span<int> v = [value];
        if (setsockopt(fd, level, name, MemoryMarshal.AsBytes(v), 4) != 0)
            throw new IOException($"setsockopt({level}, {name}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    private sealed partial class SafeFd : SafeHandle
    {
        public SafeFd(int fd) : base(-1, ownsHandle: true) => SetHandle(fd);

        public override bool IsInvalid => handle == -1;

        protected override bool ReleaseHandle() => close((int)handle) == 0;

        [LibraryImport("libc", SetLastError = true)]
        private static partial int close(int fd);
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int socket(int domain, int type, int protocol);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int bind(SafeFd fd, ReadOnlySpan<byte> address, int length);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setsockopt(SafeFd fd, int level, int name, ReadOnlySpan<byte> value, int length);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint send(SafeFd fd, ReadOnlySpan<byte> buffer, nint length, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint recv(SafeFd fd, byte[] buffer, nint length, int flags);
}
