using System.CommandLine;
using System.Diagnostics;
using Eipnet.Agent.Kernel;
using Eipnet.Agent.Lab;

namespace Eipnet.Cli.Commands;

/// <summary>`eipnet lab exec|status|down`: work inside the lab the server's Linux data plane builds.</summary>
internal static class LabCommand
{
    public static Command Create()
    {
        var lab = new Command("lab", "The lab: run commands in instances or on the internet host, show the topology, tear it down.");
        lab.Subcommands.Add(Exec());
        lab.Subcommands.Add(Status());
        lab.Subcommands.Add(Down());
        return lab;
    }

    private static Option<string> PrefixOption() =>
        new("--lab-prefix") { Description = "Prefix of the lab's namespaces (as given to the server).", DefaultValueFactory = _ => LabOptions.DefaultPrefix };

    private static Command Exec()
    {
        var prefix = PrefixOption();
        var target = new Argument<string>("TARGET") { Description = "An instance id (i-...), a VPC id (vpc-...: its router), \"internet\" or \"gateway\"." };
        var program = new Argument<string[]>("COMMAND") { Description = "The command and its arguments (after --).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("exec", "Run a command inside an instance, on the internet host or on the gateway: lab exec i-xxx -- ip addr");
        command.Options.Add(prefix);
        command.Arguments.Add(target);
        command.Arguments.Add(program);
        command.SetAction(async (result, ct) =>
        {
            var p = result.GetValue(prefix)!;
            var t = result.GetValue(target)!;
            var ns = Resolve(p, t switch
            {
                "internet" => "inet",
                "gateway" => "gw",
                _ => t,
            });
            if (!Namespaces.Exists(ns))
            {
                Console.Error.WriteLine($"eipnet: no lab namespace '{ns}': is the server running with the linux data plane, and is '{t}' an instance it knows?");
                return 2;
            }
            var info = new ProcessStartInfo("ip") { UseShellExecute = false };
            foreach (var a in (string[])["netns", "exec", ns, .. result.GetValue(program)!])
                info.ArgumentList.Add(a);
            using var process = Process.Start(info)!;
            await process.WaitForExitAsync(ct);
            return process.ExitCode;
        });
        return command;
    }

    private static Command Status()
    {
        var prefix = PrefixOption();
        var command = new Command("status", "Show the lab's namespaces, their interfaces and addresses, and the nft maps of the gateway and each VPC router.");
        command.Options.Add(prefix);
        command.SetAction(async (result, ct) =>
        {
            var p = result.GetValue(prefix)!;
            var run = new CommandRunner();
            var ours = Namespaces.WithPrefix(p);
            if (ours.Count == 0)
            {
                Console.WriteLine($"no lab: no namespace starts with '{p}'");
                return 0;
            }
            foreach (var ns in ours)
            {
                Console.WriteLine(ns + Role(ns, p));
                var addresses = await run.IpAsync(ns, ["-br", "addr", "show"], ct);
                foreach (var line in addresses.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("lo ", StringComparison.Ordinal) || Role(ns, p).Contains("router", StringComparison.Ordinal)))
                    Console.WriteLine("  " + line.TrimEnd());
                var maps = await run.ExecAsync(ns, "nft", ["-j", "list", "table", "ip", "eipnet"], null, ct);
                if (!maps.Succeeded)
                    continue;
                using var json = System.Text.Json.JsonDocument.Parse(maps.Stdout);
                Console.WriteLine("  nft table ip eipnet:");
                foreach (var item in json.RootElement.GetProperty("nftables").EnumerateArray())
                {
                    var kind = item.TryGetProperty("map", out var m) ? m : item.TryGetProperty("set", out var s) ? s : default;
                    if (kind.ValueKind == System.Text.Json.JsonValueKind.Object)
                        Console.WriteLine($"    {kind.GetProperty("name").GetString(),-20} {(kind.TryGetProperty("elem", out var e) ? e.GetArrayLength() : 0)} elements");
                }
            }
            return 0;
        });
        return command;
    }

    /// <summary>The lab's namespace for a name: the one host's (PREFIX + NAME), or, with several hosts, the host's that has it
    /// (PREFIX + HOST + "-" + NAME: an instance is on one compute host, the internet host and the gateway on the gateway host).</summary>
    private static string Resolve(string prefix, string name)
    {
        if (Namespaces.Exists(prefix + name))
            return prefix + name;
        return Namespaces.WithPrefix(prefix).FirstOrDefault(n => n.EndsWith("-" + name, StringComparison.Ordinal) && !n[prefix.Length..^(name.Length + 1)].Contains('-', StringComparison.Ordinal))
            ?? prefix + name;
    }

    private static string Role(string ns, string prefix)
    {
        var rest = ns[prefix.Length..];
        var dash = rest.IndexOf('-', StringComparison.Ordinal);
        // With several hosts: HOST-NAME is NAME on that host; a bare HOST is the host's own namespace (its underlay address).
        if (dash > 0 && rest[..dash] is not ("vpc" or "i"))
            return " " + Role(rest[(dash + 1)..]).TrimStart() + $" on host {rest[..dash]}";
        if (rest == "underlay")
            return "  (the lab's underlay switch: every host's link)";
        if (dash < 0 && rest is not ("gw" or "inet" or "parked") && Namespaces.Exists(ns + "-parked") | Namespaces.Exists(ns + "-gw"))
            return "  (a host's own namespace: its underlay address, its overlay's sockets)";
        return Role(rest);
    }

    private static string Role(string name) => name switch
    {
        "gw" => "  (gateway: uplink; steers each EIP to its VPC's router)",
        "inet" => "  (internet host)",
        "parked" => "  (ENIs attached to no instance)",
        var rest when rest.StartsWith("i-", StringComparison.Ordinal) => "  (instance)",
        var rest when rest.StartsWith("vpc-", StringComparison.Ordinal) => "  (VPC router: host ends of the VPC's ENIs, its routes, NAT, security groups)",
        _ => "",
    };

    private static Command Down()
    {
        var prefix = PrefixOption();
        var command = new Command("down", "Delete every namespace of the lab (and so everything in it); nothing else is touched.");
        command.Options.Add(prefix);
        command.SetAction(async (result, ct) =>
        {
            var p = result.GetValue(prefix)!;
            var deleted = await new LabTopology(new LabOptions(p, [LabOptions.DefaultPool]), new CommandRunner()).DownAsync(ct);
            Console.WriteLine(deleted.Count == 0 ? $"no lab: no namespace starts with '{p}'" : "deleted " + string.Join(", ", deleted));
            return 0;
        });
        return command;
    }
}
