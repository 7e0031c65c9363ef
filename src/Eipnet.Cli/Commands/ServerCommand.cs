using System.CommandLine;
using Eipnet.Agent.Applying;
using Eipnet.Agent.Kernel;
using Eipnet.Agent.Lab;
using Eipnet.Api.Catalog;
using Eipnet.Api.Hosting;
using Eipnet.Domain.Addressing;

namespace Eipnet.Cli.Commands;

/// <summary>`eipnet server`: runs the control plane until interrupted, with the lab's Linux data plane when it can.</summary>
internal static class ServerCommand
{
    public static Command Create()
    {
        var db = new DatabaseOptions();
        var listen = new Option<string>("--listen") { Description = "HOST:PORT to listen on.", DefaultValueFactory = _ => "127.0.0.1:8787" };
        var catalog = new Option<string?>("--catalog") { Description = "JSON file replacing the built-in region, zone, instance-type and EIP-pool catalog." };
        var dataPlane = new Option<string>("--dataplane")
        {
            Description = "Data plane: linux (the lab: namespaces and nftables; needs root, ip and nft), sim (moves no packets), "
                + "auto (linux when it can run, else sim).",
            DefaultValueFactory = _ => "auto",
        };
        dataPlane.AcceptOnlyFromAmong("auto", "linux", "sim");
        var prefix = new Option<string>("--lab-prefix") { Description = "Prefix of every network namespace the lab creates.", DefaultValueFactory = _ => LabOptions.DefaultPrefix };
        var pool = new Option<string>("--lab-pool") { Description = "EIP pool of the lab (a documentation range).", DefaultValueFactory = _ => LabOptions.DefaultPool.ToString() };
        var region = new Option<string>("--lab-region") { Description = "The region whose EIPs the lab serves (the only one with a pool).", DefaultValueFactory = _ => LabCatalog.DefaultRegion };
        var resync = new Option<int>("--resync-seconds") { Description = "How often the whole intent is applied again, repairing drift.", DefaultValueFactory = _ => 60 };
        var maxConnections = new Option<int>("--max-connections") { Description = "Client connections served at once; up to 64 more are answered Throttling and closed.", DefaultValueFactory = _ => 8192 };
        var throttle = new Option<int>("--throttle-per-account") { Description = "Requests a second each account may make; beyond it, Throttling.User. 0 (the default): no limit.", DefaultValueFactory = _ => 0 };
        var idleTimeout = new Option<int>("--idle-timeout-seconds") { Description = "How long a client connection may wait for its next request before it is closed.", DefaultValueFactory = _ => 60 };
        var command = new Command("server", "Run the control plane (Alibaba Cloud VPC 2016-04-28 and ECS 2014-05-26 RPC API) and its data plane.");
        db.AddTo(command);
        foreach (var option in new Option[] { listen, catalog, dataPlane, prefix, pool, region, resync, maxConnections, idleTimeout, throttle })
            command.Options.Add(option);
        command.SetAction(async (result, ct) =>
        {
            var keyId = Environment.GetEnvironmentVariable("EIPNET_BOOTSTRAP_ACCESS_KEY_ID");
            var keySecret = Environment.GetEnvironmentVariable("EIPNET_BOOTSTRAP_ACCESS_KEY_SECRET");
            var options = db.Read(result) with
            {
                Listen = result.GetValue(listen)!,
                CatalogFile = result.GetValue(catalog),
                DataPlane = "sim",
                ResyncPeriod = TimeSpan.FromSeconds(Math.Max(1, result.GetValue(resync))),
                MaxConnections = Math.Max(1, result.GetValue(maxConnections)),
                IdleTimeout = TimeSpan.FromSeconds(Math.Max(1, result.GetValue(idleTimeout))),
                AccountRequestsPerSecond = Math.Max(0, result.GetValue(throttle)),
                BootstrapAccount = keyId is { Length: > 0 } && keySecret is { Length: > 0 } ? (keyId, keySecret) : null,
                BootstrapMultiEip = Environment.GetEnvironmentVariable("EIPNET_BOOTSTRAP_MULTI_EIP") == "1",
            };
            var wanted = result.GetValue(dataPlane)!;
            var available = LinuxDataPlane.IsAvailable(out var why);
            if (wanted == "linux" && !available)
            {
                Console.Error.WriteLine($"eipnet: the linux data plane cannot run here: {why}.");
                return 2;
            }
            if (wanted == "linux" || (wanted == "auto" && available))
            {
                if (!Ipv4Cidr.TryParse(result.GetValue(pool), out var labPool))
                {
                    Console.Error.WriteLine($"eipnet: --lab-pool '{result.GetValue(pool)}' is not an IPv4 CIDR.");
                    return 2;
                }
                var lab = new LabTopology(new LabOptions(result.GetValue(prefix)!, [labPool.Value]), new CommandRunner());
                var baseCatalog = options.CatalogFile is null ? CatalogLoader.LoadDefault() : CatalogLoader.LoadFile(options.CatalogFile);
                options = options with
                {
                    DataPlaneInstance = new LinuxDataPlane(lab, new CommandRunner()),
                    Catalog = LabCatalog.From(baseCatalog, [labPool.Value.ToString()], result.GetValue(region)!),
                };
            }
            // Declared before the server, so disposed after it: the nft helpers end once the reconciler has stopped.
            using var ownedDataPlane = options.DataPlaneInstance as IDisposable;
            await using var server = await ServerHost.StartAsync(options, ct);
            Console.WriteLine($"eipnet: endpoint {server.Endpoint.Authority} (http)");
            Console.WriteLine($"eipnet: database {server.Store.Description}");
            Console.WriteLine(server.DataPlane is LinuxDataPlane linux
                ? $"eipnet: data plane linux (lab namespaces {linux.Lab.Options.Prefix}*, internet host {LabOptions.InternetAddress}, EIP pool {linux.Lab.Options.EipPools[0]} in {result.GetValue(region)})"
                : $"eipnet: data plane sim" + (wanted == "auto" ? $" (linux unavailable: {why})" : ""));
            if (options.BootstrapAccount is var (id, _))
                Console.WriteLine($"eipnet: bootstrap account with AccessKey {id} is ready");
            await server.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }
}
