using System.Runtime.InteropServices;

namespace Eipnet.NftHelper;

/// <summary>libnftables and the two libc calls the helper needs.</summary>
internal static partial class Native
{
    public const string Library = "libnftables.so.1";

    private const int RlimitNofile = 7;

    /// <summary>select(2)'s fd_set holds descriptors below 1024 (FD_SETSIZE), and libnftables waits on its netlink socket
    /// with select(): a socket numbered 1024 or more makes glibc abort the process. Capping this process's descriptors
    /// below that makes such a socket impossible (socket() fails with EMFILE instead); the helper needs a handful.</summary>
    public static void CapDescriptors()
    {
        var limit = new long[2];
        if (getrlimit(RlimitNofile, limit) != 0)
            throw new InvalidOperationException($"getrlimit failed: errno {Marshal.GetLastPInvokeError()}");
        limit[0] = Math.Min(limit[0], 1024);
        if (setrlimit(RlimitNofile, limit) != 0)
            throw new InvalidOperationException($"setrlimit failed: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>The inode of this process's network namespace ("net:[INODE]"), which names the namespace.</summary>
    public static ulong NamespaceInode()
    {
        var link = File.ResolveLinkTarget("/proc/self/ns/net", returnFinalTarget: false)?.ToString() ?? "";
        // The link target reads "net:[4026532281]"; FileSystemInfo shows it as a path, so take the digits.
        var digits = new string(link.Where(char.IsAsciiDigit).ToArray());
        return ulong.TryParse(digits, out var inode) ? inode : 0;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int getrlimit(int resource, [Out] long[] limit);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setrlimit(int resource, long[] limit);

    [LibraryImport(Library)]
    public static partial IntPtr nft_ctx_new(uint flags);

    [LibraryImport(Library)]
    public static partial void nft_ctx_free(IntPtr ctx);

    [LibraryImport(Library)]
    public static partial int nft_ctx_buffer_output(IntPtr ctx);

    [LibraryImport(Library)]
    public static partial int nft_ctx_buffer_error(IntPtr ctx);

    [LibraryImport(Library)]
    public static partial IntPtr nft_ctx_get_output_buffer(IntPtr ctx);

    [LibraryImport(Library)]
    public static partial IntPtr nft_ctx_get_error_buffer(IntPtr ctx);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int nft_run_cmd_from_buffer(IntPtr ctx, string buffer);
}
