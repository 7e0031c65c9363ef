using System.Diagnostics;
using Eipnet.NftHelper;

namespace Eipnet.Agent.Kernel;

/// <summary>nft inside one of our namespaces without a process per command: libnftables in <c>eipnet-nft</c>, a small
/// helper process that lives in that namespace for as long as the session is open.</summary>
/// <remarks>A fresh <c>nft</c> process costs milliseconds per change (and an element delete waits for an RCU grace period
/// when the process closes its netlink socket); one long-lived handle costs ≈ 0.2 ms (reference/dataplane-limits.md).
/// libnftables waits on its socket with select(), which aborts a process whose socket is numbered 1024 or more, so it never
/// runs in ours (a server with many connections has such numbers); the helper holds a handful of descriptors and caps itself
/// below 1024 (docs/decisions.md, "nft sessions"). A session is bound to the namespace it started in: when the name points
/// elsewhere (deleted, or made again), <see cref="IsCurrent"/> turns false and the owner opens a new one, and ending this
/// one lets the dead namespace go.</remarks>
public sealed class NftSession : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process process;
    private readonly Stream requests;
    private readonly Stream answers;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly string ns;
    private readonly ulong inode;
    private bool broken;

    private NftSession(Process process, string ns, ulong inode)
    {
        this.process = process;
        this.ns = ns;
        this.inode = inode;
        requests = process.StandardInput.BaseStream;
        answers = process.StandardOutput.BaseStream;
    }

    /// <summary>The helper program, next to our own assemblies.</summary>
    public static string HelperPath => Path.Combine(AppContext.BaseDirectory, "eipnet-nft");

    /// <summary>The helper's process id (tests end it to play a crash).</summary>
    public int ProcessId => process.Id;

    /// <summary>True while the helper runs and the namespace's name still points to the namespace it lives in.</summary>
    public bool IsCurrent => !broken && !process.HasExited && Namespaces.Inode(ns) == inode;

    /// <summary>Starts a helper in the namespace, or returns null with the reason when there can be none here (no helper
    /// program, or no libnftables); then nft processes are the way.</summary>
    public static async Task<(NftSession? Session, string Why)> OpenAsync(string ns, CancellationToken ct)
    {
        if (!File.Exists(HelperPath))
            return (null, HelperPath + " is missing");
        if (!Namespaces.Exists(ns))
            throw new InvalidOperationException($"The namespace {ns} does not exist (deleted?); the next pass, a full one, makes it again.");
        var info = new ProcessStartInfo("ip") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in (string[])["netns", "exec", ns, HelperPath])
            info.ArgumentList.Add(a);
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {HelperPath} in {ns}.");
        try
        {
            // The hello names the namespace the helper joined; "ip netns exec" execs it in place, so this is our child.
            var hello = await Task.Run(() => NftFrames.ReadAnswer(process.StandardOutput.BaseStream), ct).WaitAsync(StartTimeout, ct);
            return (new NftSession(process, ns, ulong.Parse(hello.Stdout, System.Globalization.CultureInfo.InvariantCulture)), "");
        }
        catch (EndOfStreamException)
        {
            await process.WaitForExitAsync(ct);
            var code = process.ExitCode;
            OwnedProcess.Release(process);
            return code == 3
                ? (null, "libnftables cannot be loaded")
                : throw new InvalidOperationException($"{HelperPath} in {ns} ended at start with code {code}.");
        }
        catch
        {
            OwnedProcess.End(process);
            throw;
        }
    }

    /// <summary>Runs an nft script (as <c>nft -f</c> would) as one transaction. A helper that is gone answers with a failure,
    /// and the session is no longer current.</summary>
    public async Task<CommandResult> RunAsync(string text, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            if (!IsCurrent)
                return Failed($"{ns} is not the namespace this session joined (deleted or made again), or the helper ended");
            // A cancelled request leaves the helper mid-answer: end it (the owner opens another) rather than read a stale answer later.
            await using var cancel = ct.Register(() => { broken = true; OwnedProcess.End(process); });
            var (code, stdout, stderr) = await Task.Run(() =>
            {
                NftFrames.WriteRequest(requests, text);
                return NftFrames.ReadAnswer(answers);
            }, CancellationToken.None);
            return new CommandResult($"nft (eipnet-nft in {ns})", code == 0 ? 0 : 1, stdout, stderr);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            broken = true;
            ct.ThrowIfCancellationRequested();
            return Failed("the helper ended: " + e.Message);
        }
        finally
        {
            gate.Release();
        }
    }

    private CommandResult Failed(string why) => new($"nft (eipnet-nft in {ns})", 1, "", why);

    /// <summary>Ends the helper: its input ends, so it exits; if it does not within a second, it is killed.</summary>
    public void Dispose()
    {
        try
        {
            requests.Dispose();
        }
        catch (IOException)
        {
            // it has gone already
        }
        try
        {
            if (!process.WaitForExit(1000))
                OwnedProcess.End(process);
        }
        catch (InvalidOperationException)
        {
        }
        OwnedProcess.Release(process);
        gate.Dispose();
    }
}
