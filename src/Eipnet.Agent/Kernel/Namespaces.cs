using System.Runtime.InteropServices;

namespace Eipnet.Agent.Kernel;

/// <summary>Named network namespaces as iproute2 keeps them (/run/netns/NAME).</summary>
public static partial class Namespaces
{
    private const string Directory = "/run/netns";

    public static bool Exists(string name) => File.Exists(Path.Combine(Directory, name));

    /// <summary>Namespaces whose names start with <paramref name="prefix"/>: ours, and only ours.</summary>
    public static IReadOnlyList<string> WithPrefix(string prefix) =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.GetFiles(Directory).Select(Path.GetFileName).OfType<string>()
                .Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>The inode of the namespace the name points to now (0 when there is none): a namespace deleted and made
    /// again under the same name has another.</summary>
    public static ulong Inode(string name) => InodeOf(Path.Combine(Directory, name));

    /// <summary>The inode of the network namespace the calling thread is in.</summary>
    public static ulong CurrentThreadInode() => InodeOf("/proc/thread-self/ns/net");

    private static ulong InodeOf(string path)
    {
        var buffer = new byte[256]; // struct stat is 144 bytes on x86_64, 128 on aarch64; st_ino is the second field of both
        return stat(path, buffer) == 0 ? BitConverter.ToUInt64(buffer, 8) : 0;
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int stat(string path, byte[] buffer);
}
