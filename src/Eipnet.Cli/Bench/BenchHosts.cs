using Eipnet.Agent.Applying;
using Eipnet.Agent.Kernel;
using Eipnet.Agent.Lab;
using Eipnet.Agent.Running;
using Eipnet.Api.Agents;
using Eipnet.Api.Hosting;
using Eipnet.Domain.Hosts;

namespace Eipnet.Cli.Bench;

/// <summary>The data-plane hosts of a convergence run, each with its own <see cref="LinuxDataPlane"/> and agent in this process
/// (through the same contract and HTTP as `eipnet agent`): one host with both roles, or, as the lab tests build it
/// (LabServer), a gateway "g1" and compute hosts "c1", "c2", ... on an underlay, their namespaces under the run's prefix.</summary>
/// <remarks>Disposing stops the agents and their nft helpers; the caller deletes the namespaces (everything under the
/// prefix).</remarks>
internal sealed class BenchHosts : IAsyncDisposable
{
    /// <summary>One host: its name, roles, namespaces, data plane and agent, and its first pass (the full load).</summary>
    public sealed class Host(string name, HostRoles roles, LabTopology topology, LinuxDataPlane dataPlane)
    {
        public string Name => name;
        public HostRoles Roles => roles;
        public LabTopology Topology => topology;
        public LinuxDataPlane DataPlane => dataPlane;
        public RunningAgent? Agent { get; set; }
        public PassStats? FirstPass { get; set; }
    }

    private readonly List<Host> hosts;

    private BenchHosts(List<Host> hosts) => this.hosts = hosts;

    public IReadOnlyList<Host> Hosts => hosts;

    /// <summary>The host with the gateway role (the only host, with one): uplink, internet host, NAT maps.</summary>
    public Host Gateway => hosts[0];

    public string InternetNamespace => Gateway.Topology.Options.InternetNamespace;

    /// <summary>Sets the old ip/conntrack process path on every host (the same-run baseline), or netlink.</summary>
    public bool ProcessesOnly
    {
        set
        {
            foreach (var h in hosts)
                h.DataPlane.Applier.ProcessesOnly = value;
        }
    }

    /// <summary>The host running an instance: the compute host that has its namespace (the first compute host if none has yet).</summary>
    public Host HostOf(string instanceId)
    {
        var compute = hosts.Where(h => (h.Roles & HostRoles.Compute) != 0).ToList();
        return compute.FirstOrDefault(h => Namespaces.Exists(h.Topology.Options.Plan.InstanceNamespace(instanceId))) ?? compute[0];
    }

    public string InstanceNamespace(string instanceId) => HostOf(instanceId).Topology.Options.Plan.InstanceNamespace(instanceId);

    /// <summary>The longest first pass of any host (each host's full load: start, snapshot, plan, apply).</summary>
    public TimeSpan FullLoad => hosts.Max(h => h.FirstPass!.Plan + h.FirstPass.Apply);

    /// <summary>Registers the hosts with the server and starts their agents: one host ("bench", both roles) when
    /// <paramref name="count"/> is 1, else a gateway and <paramref name="count"/> - 1 compute hosts on an underlay.
    /// Returns once every host has made its first pass.</summary>
    public static async Task<BenchHosts> StartAsync(RunningServer server, string prefix, int count, CommandRunner run, AgentLoopSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(server);
        var hosts = new List<Host>();
        var rig = new BenchHosts(hosts);
        try
        {
            string[] names = count == 1 ? ["bench"] : ["g1", .. Enumerable.Range(1, count - 1).Select(i => $"c{i}")];
            if (count > 1)
                await Underlay.EnsureAsync(run, prefix, names, ct);
            for (var i = 0; i < names.Length; i++)
            {
                var roles = count == 1 ? HostRoles.Both : i == 0 ? HostRoles.Gateway : HostRoles.Compute;
                var options = count == 1
                    ? new LabOptions(prefix, [LabOptions.DefaultPool])
                    : new LabOptions(Underlay.AgentPrefix(prefix, names[i]), [LabOptions.DefaultPool])
                    {
                        HostName = names[i],
                        UnderlayNamespace = Underlay.HostNamespace(prefix, names[i]),
                    };
                var topology = new LabTopology(options, run);
                hosts.Add(new Host(names[i], roles, topology, new LinuxDataPlane(topology, new CommandRunner())));
            }
            foreach (var (host, i) in hosts.Select((h, i) => (h, i)))
            {
                var token = await AgentAdmin.AddAsync(server.Store, host.Name, TimeProvider.System, ct, host.Roles, count == 1 ? "" : Underlay.Address(i));
                host.Agent = RunningAgent.Start(server.Endpoint, token, host.DataPlane, settings);
            }
            while (hosts.Any(h => h.FirstPass is null))
            {
                foreach (var h in hosts)
                    h.FirstPass ??= h.DataPlane.LastPass;
                await Task.Delay(20, ct);
            }
            return rig;
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var h in hosts)
        {
            if (h.Agent is not null)
                await h.Agent.DisposeAsync();
            h.Agent = null;
        }
        foreach (var h in hosts)
            h.DataPlane?.Dispose();
        hosts.Clear();
    }
}
