using System.Diagnostics;
using Eipnet.Agent.Applying;
using Eipnet.Agent.Kernel;
using Eipnet.Agent.Lab;
using Eipnet.Agent.Running;
using Eipnet.Api.Agents;
using Eipnet.Api.Catalog;
using Eipnet.Api.Tests.Infrastructure;
using Eipnet.Domain.Addressing;
using Eipnet.Domain.Hosts;

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
    private readonly string labPrefix;
    private readonly List<LabHost> hosts;

    /// <summary>One host of the lab: its agent (in this process, or a process of its own), its data plane and its namespaces.</summary>
    public sealed class LabHost(string name, HostRoles roles, LabTopology topology)
    {
        public string Name => name;
        public HostRoles Roles => roles;
        public LabTopology Topology => topology;
        public LinuxDataPlane? DataPlane { get; set; }
        public RunningAgent? Agent { get; set; }
        public string Token { get; set; } = "";
    }

    private LabServer(TestServer server, List<LabHost> hosts, CommandRunner run, string labPrefix, string dataDirectory, TimeSpan resync, int port)
    {
        Server = server;
        this.hosts = hosts;
        this.port = port;
        this.labPrefix = labPrefix;
        Run = run;
        this.dataDirectory = dataDirectory;
        this.resync = resync;
    }

    public TestServer Server { get; private set; }

    /// <summary>The hosts: one ("lab", both roles), or a gateway "g1" and compute hosts "c1", "c2", ...</summary>
    public IReadOnlyList<LabHost> Hosts => hosts;

    /// <summary>The first host's agent (the gateway's with several), in this process, talking to the server through the agent
    /// contract over HTTP.</summary>
    /// <remarks>Null while an agent process (<see cref="StartAgentProcessAsync"/>) holds the host instead.</remarks>
    public RunningAgent? Agent => hosts[0].Agent;
    public LinuxDataPlane DataPlane => hosts[0].DataPlane!;

    /// <summary>The first host's fixed part: with several hosts, the gateway's (its internet host, its gateway namespace).</summary>
    public LabTopology Topology => hosts[0].Topology;
    public CommandRunner Run { get; }
    public string Prefix => labPrefix;
    public string Internet => Topology.Options.InternetNamespace;
    public string Gateway => Topology.Options.Plan.GatewayNamespace;

    /// <summary>An instance's namespace, on whichever host runs it.</summary>
    public string InstanceNamespace(string instanceId)
    {
        var candidates = hosts.Where(h => (h.Roles & HostRoles.Compute) != 0).Select(h => h.Topology.Options.Plan.InstanceNamespace(instanceId)).ToList();
        return candidates.FirstOrDefault(Namespaces.Exists) ?? candidates[0];
    }

    /// <summary>A VPC's router on the host that has the gateway role (where EIPs are translated).</summary>
    public string RouterNamespace(string vpcId) => Topology.Options.Plan.RouterNamespace(vpcId);

    /// <summary>A lab of one host with both roles, or, with <paramref name="computeHosts"/> &gt; 0, a gateway host and that many
    /// compute hosts on an underlay, each with its own agent.</summary>
    public static async Task<LabServer> StartAsync(TimeSpan? resync = null, int computeHosts = 0)
    {
        if (!LinuxDataPlane.IsAvailable(out var why))
            throw new InvalidOperationException($"The lab tests need the Linux data plane, which cannot run here: {why}. Run them as root with nftables and iproute2 (scripts/test installs them).");
        var prefix = $"eipt{Environment.ProcessId}x" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3)) + "-";
        var run = new CommandRunner();
        var directory = Directory.CreateTempSubdirectory("eipnet-lab-test-").FullName;
        var period = resync ?? TimeSpan.FromMinutes(10);
        var hosts = new List<LabHost>();
        if (computeHosts == 0)
            hosts.Add(new LabHost("lab", HostRoles.Both, new LabTopology(new LabOptions(prefix, [LabOptions.DefaultPool]), run)));
        else
        {
            string[] names = ["g1", .. Enumerable.Range(1, computeHosts).Select(i => $"c{i}")];
            for (var i = 0; i < names.Length; i++)
                hosts.Add(new LabHost(names[i], i == 0 ? HostRoles.Gateway : HostRoles.Compute, new LabTopology(
                    new LabOptions(Underlay.AgentPrefix(prefix, names[i]), [LabOptions.DefaultPool])
                    {
                        HostName = names[i],
                        UnderlayNamespace = Underlay.HostNamespace(prefix, names[i]),
                    }, run)));
        }
        TestServer? server = null;
        try
        {
            if (computeHosts > 0)
                await Underlay.EnsureAsync(run, prefix, hosts.Select(h => h.Name).ToList(), CancellationToken.None);
            var port = EipnetProcess.FreePort();
            server = await StartServerAsync(directory, period, port);
            for (var i = 0; i < hosts.Count; i++)
                hosts[i].Token = await AgentAdmin.AddAsync(server.Server.Store, hosts[i].Name, TimeProvider.System, CancellationToken.None,
                    hosts[i].Roles, computeHosts == 0 ? "" : Underlay.Address(i));
            foreach (var host in hosts)
                StartAgent(server, host, period);
            return new LabServer(server, hosts, run, prefix, directory, period, port);
        }
        catch
        {
            foreach (var host in hosts)
            {
                if (host.Agent is not null)
                    await host.Agent.DisposeAsync();
                host.DataPlane?.Dispose();
            }
            if (server is not null)
                await server.DisposeAsync();
            await new LabTopology(new LabOptions(prefix, [LabOptions.DefaultPool]), run).DownAsync(CancellationToken.None);
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

    private static void StartAgent(TestServer server, LabHost host, TimeSpan resync)
    {
        host.DataPlane = new LinuxDataPlane(host.Topology, new CommandRunner());
        host.Agent = RunningAgent.Start(server.Server.Endpoint, host.Token, host.DataPlane,
            AgentLoopSettings.Default with { ResyncPeriod = resync, TrafficInterval = TimeSpan.FromSeconds(1) });
    }

    /// <summary>Hands a host (the first by default) from the agent in this process to a real `eipnet agent` process with the
    /// same token (a restarted agent), and returns once it runs; the caller kills or disposes it.</summary>
    public async Task<EipnetProcess> StartAgentProcessAsync(string? hostName = null)
    {
        var host = hostName is null ? hosts[0] : hosts.Single(h => h.Name == hostName);
        if (host.Agent is not null)
        {
            await host.Agent.DisposeAsync();
            host.Agent = null;
            host.DataPlane!.Dispose(); // its nft helpers: the process starts its own
        }
        string[] underlay = host.Topology.Options.UnderlayNamespace is { } u ? ["--underlay-namespace", u] : [];
        return await EipnetProcess.StartAsync(
            ["agent", "--server", Server.Server.Endpoint.ToString(), "--lab-prefix", host.Topology.Options.Prefix, .. underlay,
                "--resync-seconds", ((int)resync.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)],
            $"eipnet agent: {host.Name} watching", new Dictionary<string, string> { ["EIPNET_AGENT_TOKEN"] = host.Token });
    }

    /// <summary>Stops the server and starts a new one on the same database and port; agents keep running and find it again.</summary>
    public async Task RestartServerOnlyAsync()
    {
        await Server.DisposeAsync();
        Server = await StartServerAsync(dataDirectory, resync, port);
    }

    /// <summary>Stops the server and starts a new one on the same database and lab, with new data planes that know nothing
    /// of what the old ones applied (as after a crash); returns once it has started (first passes run in the background).</summary>
    public async Task RestartAsync()
    {
        foreach (var host in hosts)
        {
            if (host.Agent is not null)
                await host.Agent.DisposeAsync();
            host.DataPlane?.Dispose();
        }
        await Server.DisposeAsync();
        Server = await StartServerAsync(dataDirectory, resync, port);
        for (var i = 0; i < hosts.Count; i++)
        {
            hosts[i].Token = await AgentAdmin.AddAsync(Server.Server.Store, hosts[i].Name, TimeProvider.System, CancellationToken.None,
                hosts[i].Roles, hosts.Count == 1 ? "" : Underlay.Address(i));
            StartAgent(Server, hosts[i], resync);
        }
    }

    /// <summary>Waits until every host's agent has applied every change stored so far (its reported generation reaches the store's).</summary>
    public async Task WaitAppliedAsync()
    {
        var store = Server.Server.Store;
        var target = (await store.ReadChangesAsync(long.MaxValue, CancellationToken.None)).Revision;
        var end = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while ((await store.ListAgentsAsync(CancellationToken.None)).Any(a => a.AppliedGeneration < target))
        {
            if (DateTime.UtcNow > end)
                throw new TimeoutException($"The lab's agents have not applied generation {target} within 10 s.");
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
        foreach (var host in hosts)
        {
            if (host.Agent is not null)
                await host.Agent.DisposeAsync();
        }
        await Server.DisposeAsync();
        foreach (var host in hosts)
            host.DataPlane?.Dispose();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
        if (Environment.GetEnvironmentVariable("EIPNET_LAB_KEEP") == "1")
        {
            Console.Error.WriteLine($"EIPNET_LAB_KEEP=1: kept the lab {Prefix}* for inspection; remove it with ./eipnet lab down --lab-prefix {Prefix}");
            return;
        }
        await new LabTopology(new LabOptions(labPrefix, [LabOptions.DefaultPool]), Run).DownAsync(CancellationToken.None);
    }

    public static Ipv4Cidr Pool => LabOptions.DefaultPool;
}
