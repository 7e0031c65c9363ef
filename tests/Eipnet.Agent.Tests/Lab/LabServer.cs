using System.Diagnostics;
using Eipnet.Agent.Applying;
using Eipnet.Agent.Kernel;
using Eipnet.Agent.Lab;
using Eipnet.Api.Catalog;
using Eipnet.Api.Tests.Infrastructure;
using Eipnet.Domain.Addressing;

namespace Eipnet.Agent.Tests.Lab;

/// <summary>A control plane with the Linux data plane on a lab of its own: namespaces named with a prefix only this
/// instance uses ("eipt" + 6 random hex digits + "-"), deleted at dispose with every process the test started in them.</summary>
/// <remarks>Needs root (namespaces, nftables). There is no skipping: CI runs as root, and a run without root fails here
/// with the reason.</remarks>
public sealed class LabServer : IAsyncDisposable
{
    private readonly List<LabProcess> processes = [];

    private LabServer(TestServer server, LinuxDataPlane dataPlane, LabTopology lab, CommandRunner run)
    {
        Server = server;
        DataPlane = dataPlane;
        Topology = lab;
        Run = run;
    }

    public TestServer Server { get; }
    public LinuxDataPlane DataPlane { get; }
    public LabTopology Topology { get; }
    public CommandRunner Run { get; }
    public string Prefix => Topology.Options.Prefix;
    public string Internet => Topology.Options.InternetNamespace;
    public string Gateway => Topology.Options.Plan.GatewayNamespace;
    public string InstanceNamespace(string instanceId) => Topology.Options.Plan.InstanceNamespace(instanceId);

    public static async Task<LabServer> StartAsync(TimeSpan? resync = null)
    {
        if (!LinuxDataPlane.IsAvailable(out var why))
            throw new InvalidOperationException($"The lab tests need the Linux data plane, which cannot run here: {why}. Run them as root with nftables and iproute2 (scripts/test installs them).");
        var prefix = "eipt" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3)) + "-";
        var run = new CommandRunner();
        var lab = new LabTopology(new LabOptions(prefix, [LabOptions.DefaultPool]), run);
        var dataPlane = new LinuxDataPlane(lab, run);
        try
        {
            var server = await TestServer.StartAsync(configure: o => o with
            {
                DataPlaneInstance = dataPlane,
                Catalog = LabCatalog.From(CatalogLoader.LoadDefault(), [LabOptions.DefaultPool.ToString()]),
                ResyncPeriod = resync ?? TimeSpan.FromMinutes(10),
            });
            return new LabServer(server, dataPlane, lab, run);
        }
        catch
        {
            await lab.DownAsync(CancellationToken.None);
            throw;
        }
    }

    /// <summary>A client of a new account allowlisted for multi-EIP mode.</summary>
    public Task<RpcTestClient> NewClientAsync() => Server.NewClientAsync(multiEip: true, eipQuota: 100);

    /// <summary>Runs a command in one of this lab's namespaces and returns what it did.</summary>
    public Task<CommandResult> ExecAsync(string ns, string program, params string[] args) => Run.ExecAsync(ns, program, args);

    /// <summary>Starts a long-running command in a namespace; it is killed (by its PID) when the lab is disposed.</summary>
    public LabProcess Start(string ns, string program, params string[] args)
    {
        var info = new ProcessStartInfo("ip") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in (string[])["netns", "exec", ns, program, .. args])
            info.ArgumentList.Add(a);
        var process = new LabProcess(Process.Start(info)!);
        process.Capture();
        processes.Add(process);
        return process;
    }

    /// <summary>The IPv4 addresses on any interface in the namespace.</summary>
    public async Task<IReadOnlyList<string>> AddressesAsync(string ns)
    {
        var text = await Run.IpCheckAsync(ns, ["-4", "-o", "addr", "show"]);
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(f => f[Array.IndexOf(f, "inet") + 1].Split('/')[0]).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var p in processes)
            p.Dispose();
        await Server.DisposeAsync();
        if (Environment.GetEnvironmentVariable("EIPNET_LAB_KEEP") == "1")
        {
            Console.Error.WriteLine($"EIPNET_LAB_KEEP=1: kept the lab {Prefix}* for inspection; remove it with ./eipnet lab down --lab-prefix {Prefix}");
            return;
        }
        await Topology.DownAsync(CancellationToken.None);
    }

    public static Ipv4Cidr Pool => LabOptions.DefaultPool;
}
