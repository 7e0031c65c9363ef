using System.Diagnostics;
using Eipnet.Agent.Applying;
using Eipnet.Agent.Kernel;
using Eipnet.Agent.Lab;
using Eipnet.Agent.Running;
using Eipnet.Api.Agents;
using Eipnet.Api.Catalog;
using Eipnet.Api.Tests.Infrastructure;
using Eipnet.Domain.Addressing;

namespace Eipnet.Agent.Tests.Lab;

/// <summary>A control plane (agents mode) and an agent with the Linux data plane, in this process, on a lab of its own: namespaces named with a prefix only this
/// instance uses ("eipt", the test host's PID, "x", 6 random hex digits, "-"), deleted at dispose with every process the test
/// started in them. The PID lets scripts/test sweep away the labs of a test host that died (a lab whose owner is gone).</summary>
/// <remarks>Needs root (namespaces, nftables). There is no skipping: CI runs as root, and a run without root fails here
/// with the reason.</remarks>
public sealed class LabServer : IAsyncDisposable
{
    private readonly List<LabProcess> processes = [];

    private readonly string dataDirectory;
    private readonly TimeSpan resync;
    private readonly int port;
    private string agentToken;

    private LabServer(TestServer server, (RunningAgent Agent, string Token) agent, LinuxDataPlane dataPlane, LabTopology lab, CommandRunner run,
        string dataDirectory, TimeSpan resync, int port)
    {
        Server = server;
        (Agent, agentToken) = agent;
        this.port = port;
        DataPlane = dataPlane;
        Topology = lab;
        Run = run;
        this.dataDirectory = dataDirectory;
        this.resync = resync;
    }

    public TestServer Server { get; private set; }

    /// <summary>The lab host's agent, in this process, talking to the server through the agent contract over HTTP.</summary>
    /// <remarks>Null while an agent process (<see cref="StartAgentProcessAsync"/>) holds the lab instead.</remarks>
    public RunningAgent? Agent { get; private set; }
    public LinuxDataPlane DataPlane { get; private set; }
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
        var prefix = $"eipt{Environment.ProcessId}x" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3)) + "-";
        var run = new CommandRunner();
        var lab = new LabTopology(new LabOptions(prefix, [LabOptions.DefaultPool]), run);
        var directory = Directory.CreateTempSubdirectory("eipnet-lab-test-").FullName;
        var period = resync ?? TimeSpan.FromMinutes(10);
        var dataPlane = new LinuxDataPlane(lab, run);
        try
        {
            var port = EipnetProcess.FreePort();
            var server = await StartServerAsync(directory, period, port);
            return new LabServer(server, await StartAgentAsync(server, dataPlane, period), dataPlane, lab, run, directory, period, port);
        }
        catch
        {
            dataPlane.Dispose();
            await lab.DownAsync(CancellationToken.None);
            throw;
        }
    }

    private static Task<TestServer> StartServerAsync(string directory, TimeSpan resync, int port) =>
        TestServer.StartAsync(configure: o => o with
        {
            Listen = $"127.0.0.1:{port}",
            DataDirectory = directory,
            DataPlane = "agents",
            Catalog = LabCatalog.From(CatalogLoader.LoadDefault(), [LabOptions.DefaultPool.ToString()]),
            ResyncPeriod = resync,
        });

    private static async Task<(RunningAgent, string)> StartAgentAsync(TestServer server, LinuxDataPlane dataPlane, TimeSpan resync)
    {
        var token = await AgentAdmin.AddAsync(server.Server.Store, "lab", TimeProvider.System, CancellationToken.None);
        return (RunningAgent.Start(server.Server.Endpoint, token, dataPlane, AgentLoopSettings.Default with { ResyncPeriod = resync }), token);
    }

    /// <summary>Hands the lab from the agent in this process to a real `eipnet agent` process with the same token (a restarted
    /// agent), and returns once it runs; the caller kills or disposes it.</summary>
    public async Task<EipnetProcess> StartAgentProcessAsync()
    {
        if (Agent is not null)
        {
            await Agent.DisposeAsync();
            Agent = null;
            DataPlane.Dispose(); // its nft helpers: the process starts its own
        }
        return await EipnetProcess.StartAsync(
            ["agent", "--server", Server.Server.Endpoint.ToString(), "--lab-prefix", Prefix, "--resync-seconds", ((int)resync.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)],
            "eipnet agent: lab watching", new Dictionary<string, string> { ["EIPNET_AGENT_TOKEN"] = agentToken });
    }

    /// <summary>Stops the server and starts a new one on the same database and port; agents keep running and find it again.</summary>
    public async Task RestartServerOnlyAsync()
    {
        await Server.DisposeAsync();
        Server = await StartServerAsync(dataDirectory, resync, port);
    }

    /// <summary>Stops the server and starts a new one on the same database and lab, with a new data plane that knows nothing
    /// of what the old one applied (as after a crash); returns once it has started (its first pass runs in the background).</summary>
    public async Task RestartAsync()
    {
        if (Agent is not null)
            await Agent.DisposeAsync();
        await Server.DisposeAsync();
        DataPlane.Dispose();
        DataPlane = new LinuxDataPlane(Topology, Run);
        Server = await StartServerAsync(dataDirectory, resync, port);
        (Agent, agentToken) = await StartAgentAsync(Server, DataPlane, resync);
    }

    /// <summary>Waits until the lab's agent has applied every change stored so far (its reported generation reaches the store's).</summary>
    public async Task WaitAppliedAsync()
    {
        var store = Server.Server.Store;
        var target = (await store.ReadChangesAsync(long.MaxValue, CancellationToken.None)).Revision;
        var end = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while ((await store.GetAgentAsync("lab", CancellationToken.None))?.AppliedGeneration < target)
        {
            if (DateTime.UtcNow > end)
                throw new TimeoutException($"The lab's agent has not applied generation {target} within 10 s.");
            await Task.Delay(10);
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
        if (Agent is not null)
            await Agent.DisposeAsync();
        await Server.DisposeAsync();
        DataPlane.Dispose();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
        if (Environment.GetEnvironmentVariable("EIPNET_LAB_KEEP") == "1")
        {
            Console.Error.WriteLine($"EIPNET_LAB_KEEP=1: kept the lab {Prefix}* for inspection; remove it with ./eipnet lab down --lab-prefix {Prefix}");
            return;
        }
        await Topology.DownAsync(CancellationToken.None);
    }

    public static Ipv4Cidr Pool => LabOptions.DefaultPool;
}
