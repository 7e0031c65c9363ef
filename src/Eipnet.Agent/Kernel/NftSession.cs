using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Eipnet.Agent.Kernel;

/// <summary>nft inside one of our namespaces without a process per command: libnftables, in process, on a thread of its own
/// that lives in that namespace.</summary>
/// <remarks>A fresh <c>nft</c> process costs milliseconds per change (and an element delete waits for an RCU grace period
/// when the process closes its netlink socket); one long-lived handle costs ≈ 0.2 ms (reference/dataplane-limits.md).
/// setns affects only the calling thread, so the session's thread joins the namespace once and runs every command. Before
/// each command it checks that it is still in the namespace the name points to (a namespace deleted and made again under
/// the same name is a different one); if not, the command fails and the caller opens a new session.</remarks>
public sealed partial class NftSession : IDisposable
{
    private const string Library = "libnftables.so.1";
    private const int CloneNewNet = 0x40000000;

    private readonly BlockingCollection<(string Text, TaskCompletionSource<CommandResult> Done)> work = new();
    private readonly Thread thread;
    private readonly string ns;

    private NftSession(string ns)
    {
        this.ns = ns;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        thread = new Thread(() => Loop(ready)) { IsBackground = true, Name = "nft " + ns };
        thread.Start();
        ready.Task.GetAwaiter().GetResult();
    }

    /// <summary>Opens a session in the namespace, or returns null (with the reason) when libnftables cannot be loaded.</summary>
    public static NftSession? TryOpen(string ns, out string why)
    {
        if (!NativeLibrary.TryLoad(Library, out var handle))
        {
            why = Library + " cannot be loaded";
            return null;
        }
        NativeLibrary.Free(handle);
        why = "";
        return new NftSession(ns);
    }

    /// <summary>Runs an nft script (as <c>nft -f</c> would) as one transaction.</summary>
    public Task<CommandResult> RunAsync(string text)
    {
        var done = new TaskCompletionSource<CommandResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        work.Add((text, done));
        return done.Task;
    }

    private void Loop(TaskCompletionSource ready)
    {
        IntPtr ctx;
        ulong joined;
        try
        {
            using (var handle = File.OpenHandle(Path.Combine("/run/netns", ns)))
            {
                if (setns((int)handle.DangerousGetHandle(), CloneNewNet) != 0)
                    throw new InvalidOperationException($"setns into {ns} failed: errno {Marshal.GetLastPInvokeError()}");
            }
            joined = Inode("/proc/thread-self/ns/net");
            ctx = nft_ctx_new(0);
            nft_ctx_buffer_output(ctx);
            nft_ctx_buffer_error(ctx);
            ready.SetResult();
        }
        catch (Exception e)
        {
            ready.SetException(e);
            return;
        }
        try
        {
            foreach (var (text, done) in work.GetConsumingEnumerable())
            {
                if (Inode(Path.Combine("/run/netns", ns)) != joined)
                {
                    done.SetResult(new CommandResult($"nft (in process, {ns})", 1, "", $"{ns} is not the namespace this session joined (deleted or made again)"));
                    continue;
                }
                var rc = nft_run_cmd_from_buffer(ctx, text);
                var error = Marshal.PtrToStringUTF8(nft_ctx_get_error_buffer(ctx)) ?? "";
                done.SetResult(new CommandResult($"nft (in process, {ns})", rc == 0 ? 0 : 1, "", error));
            }
        }
        finally
        {
            nft_ctx_free(ctx);
        }
    }

    public void Dispose()
    {
        work.CompleteAdding();
        thread.Join();
        work.Dispose();
    }

    /// <summary>The inode of a path (0 when it cannot be read): a namespace file's inode names the namespace.</summary>
    private static ulong Inode(string path)
    {
        var buffer = new byte[256]; // struct stat on x86_64/aarch64 is 144/128 bytes; st_ino is the second field
        return stat(path, buffer) == 0 ? BitConverter.ToUInt64(buffer, 8) : 0;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setns(int fd, int nstype);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int stat(string path, byte[] buffer);

    [LibraryImport(Library)]
    private static partial IntPtr nft_ctx_new(uint flags);

    [LibraryImport(Library)]
    private static partial void nft_ctx_free(IntPtr ctx);

    [LibraryImport(Library)]
    private static partial int nft_ctx_buffer_output(IntPtr ctx);

    [LibraryImport(Library)]
    private static partial int nft_ctx_buffer_error(IntPtr ctx);

    [LibraryImport(Library)]
    private static partial IntPtr nft_ctx_get_error_buffer(IntPtr ctx);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int nft_run_cmd_from_buffer(IntPtr ctx, string buffer);
}
