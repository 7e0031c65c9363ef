using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Eipnet.Api.Tests.Infrastructure;

/// <summary>The built `eipnet` program run as a separate process (what ./eipnet runs), for restart and CLI tests.</summary>
public sealed class EipnetProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly List<string> output = [];

    private EipnetProcess(Process process) => this.process = process;

    public static string Binary
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Eipnet.slnx")))
                dir = dir.Parent;
            var path = dir is null ? null : Path.Combine(dir.FullName, ".build", "eipnet", "eipnet");
            return path is not null && File.Exists(path)
                ? path
                : throw new InvalidOperationException("The eipnet binary is not built: run ./eipnet once (./scripts/test does).");
        }
    }

    public IReadOnlyList<string> Output { get { lock (output) return output.ToList(); } }

    public int Id => process.Id;

    /// <summary>Runs to completion and returns exit code, stdout and stderr.</summary>
    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(IEnumerable<string> args, IDictionary<string, string>? env = null,
        TimeSpan? timeout = null)
    {
        var info = Info(args, env);
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync().WaitAsync(timeout ?? TimeSpan.FromSeconds(60));
        var result = (p.ExitCode, await stdout, await stderr);
        // Read through StandardOutput/StandardError, the pipes are ours to close (Process.Dispose leaves them to a GC).
        p.StandardOutput.Dispose();
        p.StandardError.Dispose();
        return result;
    }

    /// <summary>Starts `eipnet server` and waits until it prints its endpoint.</summary>
    public static Task<EipnetProcess> StartServerAsync(int port, IEnumerable<string> args, IDictionary<string, string>? env = null, string dataPlane = "sim") =>
        StartAsync(["server", "--listen", $"127.0.0.1:{port}", "--dataplane", dataPlane, .. args], "eipnet: data plane", env);

    /// <summary>Starts the program and waits until it prints a line starting with <paramref name="readyLine"/>.</summary>
    public static async Task<EipnetProcess> StartAsync(IEnumerable<string> args, string readyLine, IDictionary<string, string>? env = null)
    {
        var p = new EipnetProcess(Process.Start(Info(args, env))!);
        var ready = new TaskCompletionSource();
        void OnLine(object _, DataReceivedEventArgs e)
        {
            if (e.Data is null)
                return;
            lock (p.output)
                p.output.Add(e.Data);
            if (e.Data.StartsWith(readyLine, StringComparison.Ordinal))
                ready.TrySetResult();
        }
        p.process.OutputDataReceived += OnLine;
        p.process.ErrorDataReceived += OnLine;
        p.process.BeginOutputReadLine();
        p.process.BeginErrorReadLine();
        var exited = p.process.WaitForExitAsync();
        if (await Task.WhenAny(ready.Task, exited, Task.Delay(TimeSpan.FromSeconds(60))) != ready.Task)
        {
            await p.DisposeAsync();
            throw new InvalidOperationException($"eipnet {string.Join(' ', args.Take(1))} did not start:\n" + string.Join("\n", p.Output));
        }
        return p;
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a crash.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static ProcessStartInfo Info(IEnumerable<string> args, IDictionary<string, string>? env)
    {
        var info = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
            info.ArgumentList.Add(a);
        foreach (var (k, v) in env ?? new Dictionary<string, string>())
            info.Environment[k] = v;
        return info;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
            await KillAsync();
        process.Dispose();
    }
}
