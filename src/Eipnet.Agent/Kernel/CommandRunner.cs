using System.Diagnostics;

namespace Eipnet.Agent.Kernel;

/// <summary>Runs iproute2, nft, conntrack and sysctl, inside a network namespace when one is named.</summary>
/// <remarks>Every command we run against the kernel goes through here, so "which namespaces do we touch" has one answer:
/// those named by the caller, which are always ours (the lab prefix). Nothing here runs in the root namespace except
/// "ip netns add/del" and "ip -n NS ...", which only act on the named namespace. The netlink requests that replaced most
/// of these commands (Kernel/Netlink) go out from sockets made inside such named namespaces, never the root one.</remarks>
public sealed class CommandRunner
{
    /// <summary>Commands run so far (for benchmarks and tests that count kernel round trips).</summary>
    public long Count => Interlocked.Read(ref count);

    private long count;

    /// <summary>Runs a program and returns what it did; never throws for a non-zero exit.</summary>
    public async Task<CommandResult> RunAsync(string program, IReadOnlyList<string> args, string? stdin = null, CancellationToken ct = default)
    {
        Interlocked.Increment(ref count);
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardInput = stdin is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
            info.ArgumentList.Add(a);
        var line = program + " " + string.Join(' ', args);
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start '{line}'.");
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            if (stdin is not null)
            {
                await process.StandardInput.WriteAsync(stdin.AsMemory(), ct);
                process.StandardInput.Close();
            }
            await process.WaitForExitAsync(ct);
            return new CommandResult(line, process.ExitCode, await stdout, await stderr);
        }
        catch (OperationCanceledException)
        {
            // A cancelled command does not outlive its caller: it ends, with whatever it started.
            OwnedProcess.End(process);
            throw;
        }
        finally
        {
            OwnedProcess.Release(process);
        }
    }

    /// <summary>Runs a program and throws <see cref="CommandFailedException"/> unless it succeeds; returns its stdout.</summary>
    public async Task<string> CheckAsync(string program, IReadOnlyList<string> args, string? stdin = null, CancellationToken ct = default)
    {
        var result = await RunAsync(program, args, stdin, ct);
        return result.Succeeded ? result.Stdout : throw new CommandFailedException(result);
    }

    /// <summary>"ip -n NS ARGS" (NS null: "ip ARGS", used only for "netns add/del/list").</summary>
    public Task<CommandResult> IpAsync(string? ns, IReadOnlyList<string> args, CancellationToken ct = default) =>
        RunAsync("ip", ns is null ? args : ["-n", ns, .. args], null, ct);

    /// <summary>"ip -n NS ARGS", throwing on failure.</summary>
    public Task<string> IpCheckAsync(string ns, IReadOnlyList<string> args, CancellationToken ct = default) =>
        CheckAsync("ip", ["-n", ns, .. args], null, ct);

    /// <summary>Runs a program inside a namespace ("ip netns exec NS PROGRAM ARGS").</summary>
    public Task<CommandResult> ExecAsync(string ns, string program, IReadOnlyList<string> args, string? stdin = null, CancellationToken ct = default) =>
        RunAsync("ip", ["netns", "exec", ns, program, .. args], stdin, ct);

    /// <summary>Sets sysctls inside a namespace; each of these keys is per network namespace.</summary>
    public async Task SysctlAsync(string ns, IReadOnlyList<string> settings, CancellationToken ct = default)
    {
        var result = await ExecAsync(ns, "sysctl", ["-q", "-w", .. settings], null, ct);
        if (!result.Succeeded)
            throw new CommandFailedException(result);
    }
}
