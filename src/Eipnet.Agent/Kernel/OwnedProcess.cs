using System.Diagnostics;

namespace Eipnet.Agent.Kernel;

/// <summary>Ending a process we started, and only that: by its PID, with any children it forked (socat's per-connection
/// copies, iperf3's workers), then waiting briefly for it to go.</summary>
public static class OwnedProcess
{
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
        process.Dispose();
    }
}
