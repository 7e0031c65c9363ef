using Eipnet.Agent.Kernel;

namespace Eipnet.Agent.Lab;

/// <summary>The fixed part of the lab, which no intent changes: the gateway and parking namespaces with their sysctls, the
/// internet host, and the uplink between the gateway and the internet host. Instances and ENIs are the plan's.</summary>
/// <remarks>All settings are made inside our namespaces (sysctls under net.* are per namespace); the root namespace's
/// addresses, routes, sysctls and nftables are never touched.</remarks>
public sealed class LabTopology(LabOptions options, CommandRunner run)
{
    public LabOptions Options => options;

    /// <summary>What the gateway and every VPC router set: they forward, answer ARP for the guests they route to (proxy ARP; the
    /// applier removes the 0.8 s proxy delay per ENI, as a namespace has no neigh "default"), and check sources themselves
    /// (the anti-spoofing set), so reverse-path filtering stays off.</summary>
    public static IReadOnlyList<string> RouterSysctls { get; } =
    [
        "net.ipv4.ip_forward=1", "net.ipv4.conf.all.proxy_arp=1", "net.ipv4.conf.default.proxy_arp=1",
        "net.ipv4.conf.all.rp_filter=0", "net.ipv4.conf.default.rp_filter=0",
    ];

    /// <summary>Creates whatever of the fixed part is missing; safe to call at every start and resync.</summary>
    public Task EnsureAsync(CancellationToken ct) => EnsureAsync(gateway: true, compute: true, ct);

    /// <summary>Creates whatever of this host's fixed part is missing: the parking namespace on a compute host; the gateway, the
    /// internet host and the uplink on a gateway.</summary>
    public async Task EnsureAsync(bool gateway, bool compute, CancellationToken ct)
    {
        var plan = options.Plan;
        var gw = plan.GatewayNamespace;
        var inet = options.InternetNamespace;
        if (options is { LabSwitch: { } sw, UnderlayNamespace: { } host, UnderlayAddress: { } address })
            await Underlay.EnsureHostAsync(run, sw, host, address, ct);
        if (compute)
            await EnsureNamespaceAsync(run, plan.ParkingNamespace, ct);
        if (!gateway)
            return;
        foreach (var ns in new[] { gw, inet })
            await EnsureNamespaceAsync(run, ns, ct);
        await run.SysctlAsync(gw, RouterSysctls, ct);
        if (!(await run.IpAsync(gw, ["link", "show", plan.UplinkName], ct)).Succeeded)
        {
            // A gateway namespace that was deleted may not have been torn down yet (the kernel frees it in the background),
            // and the internet host's end of the old uplink lives until it is: delete it, which takes the pair with it.
            var stale = await run.IpAsync(inet, ["link", "del", LabOptions.InternetDevice], ct);
            if (!stale.Succeeded && !stale.SaysMissing)
                throw new CommandFailedException(stale);
            await run.IpCheckAsync(gw, ["link", "add", plan.UplinkName, "type", "veth", "peer", "name", LabOptions.InternetDevice, "netns", inet], ct);
        }
        await run.IpCheckAsync(gw, ["addr", "replace", $"{LabOptions.UplinkAddress}/{LabOptions.InternetPrefixLength}", "dev", plan.UplinkName], ct);
        await run.IpCheckAsync(gw, ["link", "set", plan.UplinkName, "up"], ct);
        await run.IpCheckAsync(inet, ["addr", "replace", $"{LabOptions.InternetAddress}/{LabOptions.InternetPrefixLength}", "dev", LabOptions.InternetDevice], ct);
        await run.IpCheckAsync(inet, ["link", "set", LabOptions.InternetDevice, "up"], ct);
        foreach (var pool in options.EipPools)
            await run.IpCheckAsync(inet, ["route", "replace", pool.ToString(), "via", LabOptions.UplinkAddress, "dev", LabOptions.InternetDevice], ct);
    }

    /// <summary>Creates a namespace of ours if missing, with loopback up and IPv6 off (the lab is IPv4, and IPv6 would only
    /// add router solicitations and duplicate-address probes to every capture).</summary>
    public static async Task EnsureNamespaceAsync(CommandRunner run, string ns, CancellationToken ct)
    {
        if (!Namespaces.Exists(ns))
        {
            var add = await run.IpAsync(null, ["netns", "add", ns], ct);
            if (!add.Succeeded && !add.SaysExists)
                throw new CommandFailedException(add);
        }
        await run.SysctlAsync(ns, ["net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1"], ct);
        await run.IpCheckAsync(ns, ["link", "set", "lo", "up"], ct);
    }

    /// <summary>Deletes every namespace whose name starts with the prefix, and with them everything inside: the whole lab,
    /// and nothing else. Returns the names deleted.</summary>
    public async Task<IReadOnlyList<string>> DownAsync(CancellationToken ct)
    {
        var ours = Namespaces.WithPrefix(options.Prefix);
        foreach (var ns in ours)
        {
            var del = await run.IpAsync(null, ["netns", "del", ns], ct);
            if (!del.Succeeded && !del.SaysMissing)
                throw new CommandFailedException(del);
        }
        return ours;
    }
}
