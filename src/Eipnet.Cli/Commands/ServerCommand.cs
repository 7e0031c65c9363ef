using System.CommandLine;
using Eipnet.Api.Hosting;

namespace Eipnet.Cli.Commands;

/// <summary>`eipnet server`: runs the control plane until interrupted.</summary>
internal static class ServerCommand
{
    public static Command Create()
    {
        var db = new DatabaseOptions();
        var listen = new Option<string>("--listen") { Description = "HOST:PORT to listen on.", DefaultValueFactory = _ => "127.0.0.1:8787" };
        var catalog = new Option<string?>("--catalog") { Description = "JSON file replacing the built-in region, zone, instance-type and EIP-pool catalog." };
        var dataPlane = new Option<string>("--dataplane") { Description = "Data plane: sim (applies at once, moves no packets).", DefaultValueFactory = _ => "sim" };
        dataPlane.AcceptOnlyFromAmong("sim");
        var command = new Command("server", "Run the control plane (Alibaba Cloud VPC 2016-04-28 and ECS 2014-05-26 RPC API).");
        db.AddTo(command);
        command.Options.Add(listen);
        command.Options.Add(catalog);
        command.Options.Add(dataPlane);
        command.SetAction(async (result, ct) =>
        {
            var keyId = Environment.GetEnvironmentVariable("EIPNET_BOOTSTRAP_ACCESS_KEY_ID");
            var keySecret = Environment.GetEnvironmentVariable("EIPNET_BOOTSTRAP_ACCESS_KEY_SECRET");
            var options = db.Read(result) with
            {
                Listen = result.GetValue(listen)!,
                CatalogFile = result.GetValue(catalog),
                DataPlane = result.GetValue(dataPlane)!,
                BootstrapAccount = keyId is { Length: > 0 } && keySecret is { Length: > 0 } ? (keyId, keySecret) : null,
            };
            await using var server = await ServerHost.StartAsync(options, ct);
            Console.WriteLine($"eipnet: endpoint {server.Endpoint.Authority} (http)");
            Console.WriteLine($"eipnet: database {server.Store.Description}");
            Console.WriteLine($"eipnet: data plane {server.DataPlane.Name}");
            if (options.BootstrapAccount is var (id, _))
                Console.WriteLine($"eipnet: bootstrap account with AccessKey {id} is ready");
            await server.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }
}
