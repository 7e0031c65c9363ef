using Eipnet.Domain.Hosts;
using System.CommandLine;
using Eipnet.Agent.Applying;
using Eipnet.Agent.Lab;
using Eipnet.Api.Agents;
using Eipnet.Api.Catalog;
using Eipnet.Api.Hosting;

namespace Eipnet.Cli.Commands;

/// <summary>`eipnet server`: runs the control plane until interrupted; with the lab, it also starts this host's agent as a
/// child process (the server itself never touches the kernel).</summary>
internal static class ServerCommand
{
    /// <summary>The name of the agent the server starts for its own host.</summary>
    public const string LocalAgentName = "local";

    /// <summary>The lab's hosts: "local" with both roles, or the gateway "g1" and compute hosts "c1".."cN".</summary>
    private static IReadOnlyList<(string Name, HostRoles Roles)> LabHosts(int computeHosts) => computeHosts == 0
        ? [(LocalAgentName, HostRoles.Both)]
        : [("g1", HostRoles.Gateway), .. Enumerable.Range(1, computeHosts).Select(i => ($"c{i}", HostRoles.Compute))];

    /// <summary>The operator listener when --metrics-listen is not given: loopback, off the internet-facing address.</summary>
    public const string DefaultMetricsListen = "127.0.0.1:9464";

    public static Command Create()
    {
        var db = new DatabaseOptions();
        var listen = new Option<string>("--listen") { Description = "HOST:PORT to listen on.", DefaultValueFactory = _ => "127.0.0.1:8787" };
        var catalog = new Option<string?>("--catalog") { Description = "JSON file replacing the built-in region, zone, instance-type and EIP-pool catalog." };
        var dataPlane = new Option<string>("--dataplane")
        {
            Description = "Data plane: linux (the lab: this host's agent, started as a child process; needs root, ip and nft), "
                + "agents (agents started elsewhere with `eipnet agent`), sim (moves no packets), auto (linux when it can run, else sim).",
            DefaultValueFactory = _ => "auto",
        };
        dataPlane.AcceptOnlyFromAmong("auto", "linux", "agents", "sim");
        var lab = new LabArguments();
        var region = new Option<string>("--lab-region") { Description = "The region whose EIPs the lab serves (the only one with a pool).", DefaultValueFactory = _ => LabCatalog.DefaultRegion };
        var resync = new Option<int>("--resync-seconds") { Description = "How often the whole intent is applied again, repairing drift.", DefaultValueFactory = _ => 60 };
        var computeHosts = new Option<int>("--lab-compute-hosts")
        {
            Description = "With --dataplane linux: the lab's compute hosts, each a namespace on the lab's underlay with its own agent, beside one gateway host "
                + "(g1, c1, c2, ...). 0: one host with both roles (agent \"local\").",
            DefaultValueFactory = _ => 2,
        };
        var maxConnections = new Option<int>("--max-connections") { Description = "Client connections served at once; up to 64 more are answered Throttling and closed.", DefaultValueFactory = _ => 8192 };
        var throttle = new Option<int>("--throttle-per-account") { Description = "Requests a second each account may make; beyond it, Throttling.User. 0 (the default): no limit.", DefaultValueFactory = _ => 0 };
        var idleTimeout = new Option<int>("--idle-timeout-seconds") { Description = "How long a client connection may wait for its next request before it is closed.", DefaultValueFactory = _ => 60 };
        var tlsCert = new Option<string?>("--tls-cert") { Description = "PEM certificate (its chain may follow) to serve HTTPS with; needs --tls-key." };
        var tlsKey = new Option<string?>("--tls-key") { Description = "PEM private key of --tls-cert." };
        var tlsSelfSigned = new Option<bool>("--tls-self-signed")
        {
            Description = "Serve HTTPS with a self-signed certificate for 127.0.0.1 and localhost, kept in DATA/tls (made on first use); clients must trust DATA/tls/server.crt.",
        };
        var metricsListen = new Option<string?>("--metrics-listen")
        {
            Description = "HOST:PORT of the operator listener serving GET /metrics (Prometheus text), never the RPC port; \"off\": none. "
                + "Default: 127.0.0.1:9464, loopback only, and skipped with a warning when that port is taken.",
        };
        var metricsEipSeries = new Option<int>("--metrics-eip-series")
        {
            Description = "How many EIPs get traffic series of their own in /metrics (the first seen); the rest are summed as allocation_id=\"_other\".",
            DefaultValueFactory = _ => Eipnet.Api.Metrics.ServerMetrics.DefaultEipSeriesLimit,
        };
        var command = new Command("server", "Run the control plane (Alibaba Cloud VPC 2016-04-28 and ECS 2014-05-26 RPC API) and its data plane.");
        db.AddTo(command);
        lab.AddTo(command);
        foreach (var option in new Option[] { listen, catalog, dataPlane, region, resync, computeHosts, maxConnections, idleTimeout, throttle, tlsCert, tlsKey, tlsSelfSigned, metricsListen, metricsEipSeries })
            command.Options.Add(option);
        command.SetAction(async (result, ct) =>
        {
            var keyId = Environment.GetEnvironmentVariable("EIPNET_BOOTSTRAP_ACCESS_KEY_ID");
            var keySecret = Environment.GetEnvironmentVariable("EIPNET_BOOTSTRAP_ACCESS_KEY_SECRET");
            var resyncPeriod = TimeSpan.FromSeconds(Math.Max(1, result.GetValue(resync)));
            var options = db.Read(result) with
            {
                Listen = result.GetValue(listen)!,
                MetricsListen = result.GetValue(metricsListen) switch { "off" => null, null => DefaultMetricsListen, var given => given },
                MetricsListenOptional = result.GetValue(metricsListen) is null,
                MetricsEipSeries = Math.Max(0, result.GetValue(metricsEipSeries)),
                CatalogFile = result.GetValue(catalog),
                DataPlane = "sim",
                ResyncPeriod = resyncPeriod,
                MaxConnections = Math.Max(1, result.GetValue(maxConnections)),
                IdleTimeout = TimeSpan.FromSeconds(Math.Max(1, result.GetValue(idleTimeout))),
                AccountRequestsPerSecond = Math.Max(0, result.GetValue(throttle)),
                BootstrapAccount = keyId is { Length: > 0 } && keySecret is { Length: > 0 } ? (keyId, keySecret) : null,
                BootstrapMultiEip = Environment.GetEnvironmentVariable("EIPNET_BOOTSTRAP_MULTI_EIP") == "1",
            };
            if (ServerTls.Read(result.GetValue(tlsCert), result.GetValue(tlsKey), result.GetValue(tlsSelfSigned), options.DataDirectory) is not { } tls)
                return 2;
            options = options with { Certificate = tls.Certificate };
            using var certificate = tls.Certificate;
            var wanted = result.GetValue(dataPlane)!;
            var available = LinuxDataPlane.IsAvailable(out var why);
            if (wanted == "linux" && !available)
            {
                Console.Error.WriteLine($"eipnet: the linux data plane cannot run here: {why}.");
                return 2;
            }
            var startAgent = wanted == "linux" || (wanted == "auto" && available);
            LabOptions? labOptions = null;
            if (startAgent || wanted == "agents")
            {
                labOptions = lab.Read(result);
                if (labOptions is null)
                    return 2;
                var baseCatalog = options.CatalogFile is null ? CatalogLoader.LoadDefault() : CatalogLoader.LoadFile(options.CatalogFile);
                options = options with
                {
                    DataPlane = "agents",
                    Catalog = LabCatalog.From(baseCatalog, [labOptions.EipPools[0].ToString()], result.GetValue(region)!),
                };
            }
            await using var server = await ServerHost.StartAsync(options, ct);
            Console.WriteLine($"eipnet: endpoint {server.Endpoint.Authority} ({server.Endpoint.Scheme})");
            if (tls.TrustFile is { } trustFile)
                Console.WriteLine($"eipnet: tls certificate {trustFile} (clients must trust it)");
            Console.WriteLine($"eipnet: database {server.Store.Description}");
            Console.WriteLine(server.MetricsEndpoint is { } metricsAt ? $"eipnet: metrics http://{metricsAt.Authority}/metrics" : "eipnet: metrics off");
            // Declared after the server, so disposed before it: the agents stop while the server can still hear them.
            await using var agents = new LocalAgents();
            if (startAgent)
            {
                string[] common =
                [
                    "--server", server.Endpoint.ToString(), "--lab-pool", labOptions!.EipPools[0].ToString(),
                    "--resync-seconds", ((int)resyncPeriod.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    .. tls.TrustFile is { } caFile ? (string[])["--ca-file", caFile] : [],
                ];
                var hosts = LabHosts(Math.Max(0, result.GetValue(computeHosts)));
                // The lab's hosts are this server's: agents of another lab layout (an earlier run) would hold up transitions.
                foreach (var stale in (await server.Store.ListAgentsAsync(ct)).Where(a => hosts.All(h => h.Name != a.Name)))
                    await server.Store.DeleteAgentAsync(stale.Name, ct);
                for (var i = 0; i < hosts.Count; i++)
                {
                    var (name, roles) = hosts[i];
                    string[] host = hosts.Count == 1
                        ? ["--lab-prefix", labOptions.Prefix]
                        :
                        [
                            "--lab-prefix", Underlay.AgentPrefix(labOptions.Prefix, name), "--underlay-namespace", Underlay.HostNamespace(labOptions.Prefix, name),
                            "--lab-switch", Underlay.SwitchNamespace(labOptions.Prefix), "--lab-underlay-address", Underlay.Address(i),
                        ];
                    agents.Add(LocalAgent.Start([.. common, .. host],
                        await AgentAdmin.AddAsync(server.Store, name, TimeProvider.System, ct, roles, hosts.Count == 1 ? "" : Underlay.Address(i))));
                }
                Console.WriteLine(hosts.Count == 1
                    ? $"eipnet: data plane linux through agent \"{LocalAgentName}\" (lab namespaces {labOptions.Prefix}*, internet host {LabOptions.InternetAddress}, EIP pool {labOptions.EipPools[0]} in {result.GetValue(region)})"
                    : $"eipnet: data plane linux through agents {string.Join(", ", hosts.Select(h => $"{h.Name} ({HostRolesText.Format(h.Roles)})"))} "
                        + $"(lab namespaces {labOptions.Prefix}*, hosts on underlay {Underlay.SwitchNamespace(labOptions.Prefix)}, internet host {LabOptions.InternetAddress}, EIP pool {labOptions.EipPools[0]} in {result.GetValue(region)})");
            }
            else
                Console.WriteLine(server.DataPlane == "sim"
                    ? "eipnet: data plane sim" + (wanted == "auto" ? $" (linux unavailable: {why})" : "")
                    : "eipnet: data plane agents (start each host's `eipnet agent` with a token from `eipnet admin agent add NAME`)");
            if (options.BootstrapAccount is var (id, _))
                Console.WriteLine($"eipnet: bootstrap account with AccessKey {id} is ready");
            await server.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }
}
