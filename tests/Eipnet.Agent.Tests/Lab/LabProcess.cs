using System.Collections.Concurrent;
using System.Diagnostics;

namespace Eipnet.Agent.Tests.Lab;

/// <summary>A process the test started in a lab namespace: what it printed, line by line, and its stdin.</summary>
public sealed class LabProcess(Process process) : IDisposable
{
    private readonly ConcurrentQueue<string> lines = new();

    public Process Process => process;

    public IReadOnlyCollection<string> Lines => lines;

    internal void Capture()
    {
        process.OutputDataReceived += (_, e) => { if (e.Data is { } d) lines.Enqueue(d); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } d) lines.Enqueue("stderr: " + d); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public async Task WriteLineAsync(string line)
    {
        await process.StandardInput.WriteLineAsync(line);
        await process.StandardInput.FlushAsync();
    }

    /// <summary>Waits until a printed line contains <paramref name="text"/>; false after the timeout.</summary>
    public async Task<bool> SawAsync(string text, TimeSpan timeout)
    {
        var end = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < end)
        {
            if (lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
                return true;
            await Task.Delay(20);
        }
        return lines.Any(l => l.Contains(text, StringComparison.Ordinal));
    }

    /// <summary>Kills the process (by its PID, with any children it forked) and waits for it.</summary>
    public void Dispose() => Eipnet.Agent.Kernel.OwnedProcess.End(process);
}
