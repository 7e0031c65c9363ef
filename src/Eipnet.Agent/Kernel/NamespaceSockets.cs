using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Eipnet.Agent.Kernel;

/// <summary>Sockets that live in one of our network namespaces, made from this process without a helper program.</summary>
/// <remarks>A socket belongs to the namespace of the thread that created it, for its whole life. So a short-lived thread
/// joins the namespace (setns affects only the calling thread), creates the socket and ends; the socket then works from any
/// thread. Used by benchmarks that must time packets to the millisecond, which a process per probe cannot.</remarks>
public static partial class NamespaceSockets
{
    private const int CloneNewNet = 0x40000000;

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setns(int fd, int nstype);

    /// <summary>Runs <paramref name="make"/> on a thread inside the named namespace and returns what it made.</summary>
    public static Socket Create(string ns, Func<Socket> make) => Create<Socket>(ns, make);

    /// <summary>Runs <paramref name="make"/> on a thread inside the named namespace and returns what it made (sockets of any
    /// kind, such as netlink's, which System.Net.Sockets does not make).</summary>
    public static T Create<T>(string ns, Func<T> make) where T : class
    {
        ArgumentNullException.ThrowIfNull(make);
        T? socket = null;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                using var handle = File.OpenHandle(Path.Combine("/run/netns", ns));
                if (setns((int)handle.DangerousGetHandle(), CloneNewNet) != 0)
                    throw new InvalidOperationException($"setns into {ns} failed: errno {Marshal.GetLastPInvokeError()}");
                socket = make();
            }
            catch (Exception e)
            {
                error = e;
            }
        });
        thread.Start();
        thread.Join();
        return error is not null ? throw new InvalidOperationException($"Could not create a socket in {ns}.", error) : socket!;
    }
}
