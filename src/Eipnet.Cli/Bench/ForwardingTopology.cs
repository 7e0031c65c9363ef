using System.Diagnostics;
using System.Globalization;
using Eipnet.Agent.Kernel;
using Eipnet.Agent.Lab;
using Eipnet.DataPlane.Linux;

namespace Eipnet.Cli.Bench;

/// <summary>Three namespaces of this run: the client ("internet" host) ⇄ the gateway ⇄ the instance, joined by veth pairs.
/// The gateway's interfaces are named as Eipnet names them (the uplink, and the measured ENI's gateway side), so the
/// rules of Eipnet's table apply to the measured traffic as they do in the product.</summary>
/// <remarks>Every namespace is named "eipbench-SUFFIX-ROLE" and deleted on dispose. Veth pairs are created inside our
/// namespaces and the sysctls set are per namespace; the root namespace's links, addresses, routes, sysctls and rulesets are
/// never touched, and rules are only ever loaded with "ip netns exec" into the gateway.</remarks>
internal sealed class ForwardingTopology : IAsyncDisposable
{
    public const string Prefix = "eipbench-";
    public const string ClientAddress = "203.0.113.2", UplinkAddress = "203.0.113.1";
    public const string InstanceAddress = "10.0.0.10", InstanceGateway = "10.0.0.1";
    public const string MeasuredEip = "198.51.100.10";
    public const string InstanceDevice = "eth0";

    private readonly CommandRunner run;

    private ForwardingTopology(CommandRunner run, string suffix)
    {
        this.run = run;
        Client = $"{Prefix}{suffix}-client";
        Gateway = $"{Prefix}{suffix}-gw";
        Instance = $"{Prefix}{suffix}-instance";
    }

    public string Client { get; }
    public string Gateway { get; }
    public string Instance { get; }

    /// <summary>The measured ENI's interface in the gateway, as the anti-spoofing set and the security-group maps name it.</summary>
    public static string GatewaySide => EniNames.Gateway(ForwardingRulesets.MeasuredEniId);

    public static async Task<ForwardingTopology> CreateAsync(CommandRunner run, CancellationToken ct)
    {
        var topology = new ForwardingTopology(run, Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..6]);
        try
        {
            await topology.BuildAsync(ct);
            return topology;
        }
        catch
        {
            await topology.DisposeAsync();
            throw;
        }
    }

    private async Task BuildAsync(CancellationToken ct)
    {
        var uplink = HostPlanOptions.TransitName; // the measured gateway plays a VPC router: its way out is the transit link
        foreach (var ns in new[] { Client, Gateway, Instance })
            await LabTopology.EnsureNamespaceAsync(run, ns, ct);
        await run.IpCheckAsync(Client, ["link", "add", "wan", "type", "veth", "peer", "name", uplink, "netns", Gateway], ct);
        await run.IpCheckAsync(Gateway, ["link", "add", GatewaySide, "type", "veth", "peer", "name", InstanceDevice, "netns", Instance], ct);
        await UpAsync(Client, "wan", ClientAddress + "/24", ct);
        await UpAsync(Gateway, uplink, UplinkAddress + "/24", ct);
        await UpAsync(Gateway, GatewaySide, InstanceGateway + "/24", ct);
        await UpAsync(Instance, InstanceDevice, InstanceAddress + "/24", ct);
        // The client reaches the EIP (and, for plain routing, the private address) through the gateway; the gateway has no
        // route to the EIP, so only a translated packet reaches the instance.
        await run.IpCheckAsync(Client, ["route", "add", "default", "via", UplinkAddress], ct);
        await run.IpCheckAsync(Instance, ["route", "add", "default", "via", InstanceGateway], ct);
        await run.SysctlAsync(Gateway, ["net.ipv4.ip_forward=1", "net.ipv4.conf.all.rp_filter=0", "net.ipv4.conf.default.rp_filter=0"], ct);
        // A SYN the gateway drops costs the connection-rate client one retransmission (1 s), not the default two minutes.
        await run.SysctlAsync(Client, ["net.ipv4.tcp_syn_retries=1"], ct);
    }

    private async Task UpAsync(string ns, string device, string address, CancellationToken ct)
    {
        await run.IpCheckAsync(ns, ["addr", "add", address, "dev", device], ct);
        await run.IpCheckAsync(ns, ["link", "set", device, "up"], ct);
    }

    /// <summary>Makes the gateway hold exactly this configuration's rules, with an empty conntrack table; returns how long
    /// loading the rules took.</summary>
    public async Task<TimeSpan> UseAsync(ForwardingSetup setup, CancellationToken ct)
    {
        // Flushing the whole ruleset also removes iptables-nft's tables; with no rule left, conntrack unhooks from the
        // namespace, so plain routing pays nothing for it.
        await CheckAsync(Gateway, "nft", ["flush", "ruleset"], null, ct);
        await CheckAsync(Gateway, "conntrack", ["-F"], null, ct);
        var start = Stopwatch.GetTimestamp();
        switch (setup.Kind)
        {
            case ForwardingKind.Conntrack or ForwardingKind.Eipnet:
                await CheckAsync(Gateway, "nft", ["-f", "-"], setup.Ruleset, ct);
                break;
            case ForwardingKind.Neutron:
                await CheckAsync(Gateway, "iptables-nft-restore", [], setup.Ruleset, ct);
                break;
        }
        return Stopwatch.GetElapsedTime(start);
    }

    /// <summary>Entries in the gateway's conntrack table (0 while no rule asks for connection tracking).</summary>
    public async Task<int> ConntrackEntriesAsync(CancellationToken ct) =>
        int.Parse((await CheckAsync(Gateway, "conntrack", ["-C"], null, ct)).Trim(), CultureInfo.InvariantCulture);

    private async Task<string> CheckAsync(string ns, string program, IReadOnlyList<string> args, string? stdin, CancellationToken ct)
    {
        var result = await run.ExecAsync(ns, program, args, stdin, ct);
        return result.Succeeded ? result.Stdout : throw new CommandFailedException(result);
    }

    /// <summary>Deletes the three namespaces, and with them the links and rules inside.</summary>
    public async ValueTask DisposeAsync()
    {
        CommandResult? failed = null;
        foreach (var ns in new[] { Client, Gateway, Instance })
        {
            if (!Namespaces.Exists(ns))
                continue;
            // Not cancellable: cleanup must finish after Ctrl-C too. One failure does not stop the others' deletion.
            var del = await run.IpAsync(null, ["netns", "del", ns], CancellationToken.None);
            if (!del.Succeeded && !del.SaysMissing)
                failed ??= del;
        }
        if (failed is not null)
            throw new CommandFailedException(failed);
    }
}
