using System.Diagnostics;

namespace Eipnet.Agent.Kernel;

/// <summary>Ending a process we started, and only that: by its PID, with any children it forked (socat's per-connection
/// copies, iperf3's workers), then waiting briefly for it to go; and giving back every handle it held.</summary>
public static partial class OwnedProcess
{
    /// <summary>Asks a process we started to stop (SIGTERM, so its shutdown code runs), waits up to <paramref name="grace"/>,
    /// then ends it as <see cref="End"/> does. Returns whether it stopped on its own.</summary>
    public static bool Terminate(Process process, TimeSpan grace)
    {
        ArgumentNullException.ThrowIfNull(process);
        var stopped = false;
        try
        {
            if (!process.HasExited && kill(process.Id, SigTerm) == 0)
                stopped = process.WaitForExit(grace);
            else
                stopped = process.HasExited;
        }
        catch (InvalidOperationException)
        {
            stopped = true;
        }
        End(process);
        return stopped;
    }

    private const int SigTerm = 15;

    [System.Runtime.InteropServices.LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);

    public static void End(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(2000);
            }
        }
        catch (InvalidOperationException)
        {
            // it ended on its own
        }
        Release(process);
    }

    /// <summary>Closes the pipes of a process that has ended (or that we no longer talk to) and disposes it.</summary>
    /// <remarks>Process.Dispose closes a redirected stream only while nobody has read it through StandardOutput, StandardError
    /// or StandardInput: once a caller has touched one, closing it is the caller's job, and a forgotten one stays open until
    /// a garbage collection finalizes it. A busy server leaked hundreds of pipe descriptors that way (issue 9). Streams read
    /// with BeginOutputReadLine are Process's own, and Dispose closes them.</remarks>
    public static void Release(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var info = process.StartInfo;
        if (info.RedirectStandardInput)
            Close(() => process.StandardInput);
        if (info.RedirectStandardOutput)
            Close(() => process.StandardOutput);
        if (info.RedirectStandardError)
            Close(() => process.StandardError);
        process.Dispose();
    }

    private static void Close(Func<IDisposable> stream)
    {
        try
        {
            stream().Dispose();
        }
        catch (InvalidOperationException)
        {
            // Read asynchronously (BeginOutputReadLine): Process.Dispose closes it.
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // stdin whose reader has gone, or whose stream was closed already: the descriptor is closed all the same
        }
    }
}
