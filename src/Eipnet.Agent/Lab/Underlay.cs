using Eipnet.Agent.Kernel;

namespace Eipnet.Agent.Lab;

/// <summary>The lab's physical network for several hosts: a namespace per host (the host's own network, where its agent's
/// tunnels have their sockets) with an underlay address, all on one bridge, as racks on a switch.</summary>
/// <remarks>Addresses come from 192.0.2.0/24 (a documentation range) and exist only inside the lab's namespaces. The underlay
/// carries 1600-byte frames, so a 1500-byte packet fits in GENEVE (50 bytes more), as a datacenter's jumbo frames do.</remarks>
public static class Underlay
{
    /// <summary>The MTU of the underlay's links.</summary>
    public const int Mtu = 1600;

    /// <summary>The namespace holding the bridge every host is plugged into.</summary>
    public static string SwitchNamespace(string labPrefix) => labPrefix + "underlay";

    /// <summary>A host's own namespace: its underlay address and its tunnels' sockets.</summary>
    public static string HostNamespace(string labPrefix, string host) => labPrefix + host;

    /// <summary>The prefix of the namespaces a host's agent owns.</summary>
    public static string AgentPrefix(string labPrefix, string host) => labPrefix + host + "-";

    /// <summary>The underlay address of the lab's host number <paramref name="index"/> (0-based).</summary>
    public static string Address(int index) => $"192.0.2.{11 + index}";

    /// <summary>Creates whatever is missing of the switch and each host's namespace, link and address.</summary>
    public static async Task EnsureAsync(CommandRunner run, string labPrefix, IReadOnlyList<string> hosts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(hosts);
        var sw = SwitchNamespace(labPrefix);
        await LabTopology.EnsureNamespaceAsync(run, sw, ct);
        if (!(await run.IpAsync(sw, ["link", "show", "br0"], ct)).Succeeded)
            await run.IpCheckAsync(sw, ["link", "add", "br0", "mtu", Mtu.ToString(System.Globalization.CultureInfo.InvariantCulture), "type", "bridge"], ct);
        await run.IpCheckAsync(sw, ["link", "set", "br0", "up"], ct);
        for (var i = 0; i < hosts.Count; i++)
        {
            var ns = HostNamespace(labPrefix, hosts[i]);
            var port = "p-" + hosts[i];
            await LabTopology.EnsureNamespaceAsync(run, ns, ct);
            if (!(await run.IpAsync(ns, ["link", "show", "u0"], ct)).Succeeded)
            {
                var stale = await run.IpAsync(sw, ["link", "del", port], ct);
                if (!stale.Succeeded && !stale.SaysMissing)
                    throw new CommandFailedException(stale);
                await run.IpCheckAsync(sw, ["link", "add", port, "mtu", Mtu.ToString(System.Globalization.CultureInfo.InvariantCulture), "type", "veth", "peer", "name", "u0", "netns", ns], ct);
            }
            await run.IpCheckAsync(sw, ["link", "set", port, "master", "br0", "up"], ct);
            await run.IpCheckAsync(ns, ["link", "set", "u0", "mtu", Mtu.ToString(System.Globalization.CultureInfo.InvariantCulture), "up"], ct);
            await run.IpCheckAsync(ns, ["addr", "replace", Address(i) + "/24", "dev", "u0"], ct);
        }
    }
}
