using System.CommandLine;
using Eipnet.Agent.Applying;
using Eipnet.Agent.Kernel;
using Eipnet.Agent.Lab;
using Eipnet.Agent.Running;
using Eipnet.Domain.Addressing;

namespace Eipnet.Cli.Commands;

/// <summary>`eipnet agent`: owns this host's kernel state (the lab's namespaces and nftables) and applies the server's intent.</summary>
internal static class AgentCommand
{
    /// <summary>Where the agent reads its token when --token-file is not given.</summary>
    public const string TokenVariable = "EIPNET_AGENT_TOKEN";

    public static Command Create()
    {
        var server = new Option<string>("--server") { Description = "The server's URL.", DefaultValueFactory = _ => "http://127.0.0.1:8787" };
        var tokenFile = new Option<string?>("--token-file") { Description = $"File holding the agent's token (NAME.SECRET, from `eipnet admin agent add NAME`). Default: ${TokenVariable}." };
        var caFile = new Option<string?>("--ca-file")
        {
            Description = "PEM file of certificates to trust for an https --server beyond the system's (the server's self-signed certificate, or its CA).",
        };
        var lab = new LabArguments();
        var underlay = new Option<string?>("--underlay-namespace")
        {
            Description = "Network namespace holding this host's underlay address, where overlay tunnels' sockets live (the lab's hosts); default: the agent's own.",
        };
        var labSwitch = new Option<string?>("--lab-switch") { Description = "The lab only: the switch namespace to plug --underlay-namespace into (made if missing)." };
        var labAddress = new Option<string?>("--lab-underlay-address") { Description = "The lab only: this host's underlay address on --lab-switch." };
        var resync = new Option<int>("--resync-seconds") { Description = "How often the whole intent is applied again, repairing drift.", DefaultValueFactory = _ => 60 };
        var command = new Command("agent", "Run this host's agent: watch the server's intent and apply it to the kernel (needs root).");
        foreach (var option in new Option[] { server, tokenFile, caFile, underlay, labSwitch, labAddress, resync })
            command.Options.Add(option);
        lab.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            var token = result.GetValue(tokenFile) is { } file ? (await File.ReadAllTextAsync(file, ct)).Trim() : Environment.GetEnvironmentVariable(TokenVariable);
            if (string.IsNullOrEmpty(token))
            {
                Console.Error.WriteLine($"eipnet agent: no token: give --token-file or set {TokenVariable} (`eipnet admin agent add NAME` makes one).");
                return 2;
            }
            if (!Uri.TryCreate(result.GetValue(server), UriKind.Absolute, out var url))
            {
                Console.Error.WriteLine($"eipnet agent: --server '{result.GetValue(server)}' is not a URL.");
                return 2;
            }
            ServerTrust? trust = null;
            if (result.GetValue(caFile) is { } ca)
            {
                try
                {
                    trust = ServerTrust.FromPemFile(ca);
                }
                catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or IOException or InvalidDataException or UnauthorizedAccessException)
                {
                    Console.Error.WriteLine($"eipnet agent: --ca-file {ca}: {e.Message}");
                    return 2;
                }
            }
            if (!LinuxDataPlane.IsAvailable(out var why))
            {
                Console.Error.WriteLine($"eipnet agent: the linux data plane cannot run here: {why}.");
                return 2;
            }
            if (lab.Read(result) is not { } labOptions)
                return 2;
            var options = labOptions with
            {
                HostName = token.Split('.')[0],
                UnderlayNamespace = result.GetValue(underlay),
                LabSwitch = result.GetValue(labSwitch),
                UnderlayAddress = result.GetValue(labAddress),
            };
            var run = new CommandRunner();
            using var dataPlane = new LinuxDataPlane(new LabTopology(options, run), run);
            var settings = AgentLoopSettings.Default with { ResyncPeriod = TimeSpan.FromSeconds(Math.Max(1, result.GetValue(resync))) };
            using var http = AgentLoop.CreateClient(url, token, settings.Wait, trust);
            Console.WriteLine($"eipnet agent: {token.Split('.')[0]} watching {url} (lab namespaces {options.Prefix}*, EIP pool {options.EipPools[0]}), pid {Environment.ProcessId}");
            await new AgentLoop(http, dataPlane, settings, TimeProvider.System, Console.Error).RunAsync(ct);
            Console.WriteLine("eipnet agent: stopped; the kernel keeps what was applied");
            return 0;
        });
        return command;
    }
}

/// <summary>--lab-prefix and --lab-pool, shared by the agent and the server that starts one.</summary>
internal sealed class LabArguments
{
    public Option<string> Prefix { get; } = new("--lab-prefix") { Description = "Prefix of every network namespace the lab creates.", DefaultValueFactory = _ => LabOptions.DefaultPrefix };
    public Option<string> Pool { get; } = new("--lab-pool") { Description = "EIP pool of the lab (a documentation range).", DefaultValueFactory = _ => LabOptions.DefaultPool.ToString() };

    public void AddTo(Command command)
    {
        command.Options.Add(Prefix);
        command.Options.Add(Pool);
    }

    /// <summary>The lab's options, or null (after saying why) when the pool is not a CIDR.</summary>
    public LabOptions? Read(ParseResult result)
    {
        if (!Ipv4Cidr.TryParse(result.GetValue(Pool), out var pool))
        {
            Console.Error.WriteLine($"eipnet: --lab-pool '{result.GetValue(Pool)}' is not an IPv4 CIDR.");
            return null;
        }
        return new LabOptions(result.GetValue(Prefix)!, [pool.Value]);
    }
}
