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
        ArgumentNullException.ThrowIfNull(hosts);
        for (var i = 0; i < hosts.Count; i++)
            await EnsureHostAsync(run, SwitchNamespace(labPrefix), HostNamespace(labPrefix, hosts[i]), Address(i), ct);
    }

    /// <summary>Creates whatever is missing of the switch and of one host's namespace, its link to the switch and its address
    /// (each lab host's agent does this for its own host at every full pass).</summary>
    public static async Task EnsureHostAsync(CommandRunner run, string switchNamespace, string hostNamespace, string address, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        var mtu = Mtu.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await LabTopology.EnsureNamespaceAsync(run, switchNamespace, ct);
        if (!(await run.IpAsync(switchNamespace, ["link", "show", "br0"], ct)).Succeeded)
        {
            // Agents of several hosts may start at once: the bridge one of them made first is as good.
            var made = await run.IpAsync(switchNamespace, ["link", "add", "br0", "mtu", mtu, "type", "bridge"], ct);
            if (!made.Succeeded && !made.SaysExists)
                throw new CommandFailedException(made);
        }
        await run.IpCheckAsync(switchNamespace, ["link", "set", "br0", "up"], ct);
        await LabTopology.EnsureNamespaceAsync(run, hostNamespace, ct);
        var port = "p" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(hostNamespace)))[..12];
        if (!(await run.IpAsync(hostNamespace, ["link", "show", "u0"], ct)).Succeeded)
        {
            var stale = await run.IpAsync(switchNamespace, ["link", "del", port], ct);
            if (!stale.Succeeded && !stale.SaysMissing)
                throw new CommandFailedException(stale);
            await run.IpCheckAsync(switchNamespace, ["link", "add", port, "mtu", mtu, "type", "veth", "peer", "name", "u0", "netns", hostNamespace], ct);
        }
        await run.IpCheckAsync(switchNamespace, ["link", "set", port, "master", "br0", "up"], ct);
        await run.IpCheckAsync(hostNamespace, ["link", "set", "u0", "mtu", mtu, "up"], ct);
        await run.IpCheckAsync(hostNamespace, ["addr", "replace", address + "/24", "dev", "u0"], ct);
    }
}
