using System.Collections.Concurrent;
using System.Diagnostics;
using Eipnet.Agent.Kernel;

namespace Eipnet.Cli.Bench;

/// <summary>A server this benchmark started in one of its namespaces (iperf3, the connection-rate server), listening on a
/// TCP port; disposing ends it by its PID.</summary>
/// <remarks>CommandRunner waits for what it runs, and a server lives for the whole run, so it is started here. "ip netns
/// exec" execs the program, so the PID is the server's own.</remarks>
internal sealed class ForwardingServer : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> lastLines = new();

    private ForwardingServer(Process process) => this.process = process;

    public static async Task<ForwardingServer> StartAsync(CommandRunner run, string ns, int port, string program, IReadOnlyList<string> args, CancellationToken ct)
    {
        var info = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])["netns", "exec", ns, program, .. args])
            info.ArgumentList.Add(a);
        var server = new ForwardingServer(Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program} in {ns}."));
        server.process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        server.process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();
        try
        {
            var deadline = Stopwatch.StartNew();
            while (true)
            {
                var listening = await run.ExecAsync(ns, "ss", ["-Hltn", "sport", "=", $":{port}"], null, ct);
                if (listening.Succeeded && listening.Stdout.Trim().Length > 0)
                    return server;
                if (server.process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(10))
                    throw new InvalidOperationException($"{program} in {ns} is not listening on port {port}: {string.Join(" | ", server.lastLines)}");
                await Task.Delay(50, ct);
            }
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>CPU time the server has used so far (user and system, softirq work done in its context included).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lastLines.Enqueue(line);
        while (lastLines.Count > 10)
            lastLines.TryDequeue(out _);
    }

    public void Dispose() => Eipnet.Agent.Kernel.OwnedProcess.End(process);
}
