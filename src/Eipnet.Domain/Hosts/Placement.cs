using Eipnet.Domain.Resources;

namespace Eipnet.Domain.Hosts;

/// <summary>Where instances run and where the rest of the data plane lives: the one definition the server (RunInstances) and
/// every agent (its host's share of the plan) use.</summary>
/// <remarks>
/// <para>RunInstances puts a new instance on the compute host with the fewest instances, the first by name on a tie; it
/// stays there (a later host does not move it).</para>
/// <para>An instance that names no host (created before any host was registered) or a host that is no longer registered runs
/// on the first compute host by name. An ENI attached to no instance waits on that host too. Traffic from a compute host to
/// the internet goes through the first gateway host by name.</para>
/// </remarks>
public static class Placement
{
    /// <summary>The host for a new instance, or null when no compute host is registered.</summary>
    public static HostNode? Choose(IEnumerable<HostNode> hosts, IReadOnlyDictionary<string, long> instancesPerHost)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        ArgumentNullException.ThrowIfNull(instancesPerHost);
        return hosts.Where(h => h.IsCompute)
            .OrderBy(h => instancesPerHost.GetValueOrDefault(h.Name))
            .ThenBy(h => h.Name, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    /// <summary>The first compute host by name: where unplaced instances run and detached ENIs wait.</summary>
    public static HostNode? DefaultCompute(IEnumerable<HostNode> hosts) =>
        hosts.Where(h => h.IsCompute).OrderBy(h => h.Name, StringComparer.Ordinal).FirstOrDefault();

    /// <summary>The gateway a compute host sends internet-bound and EIP traffic to.</summary>
    public static HostNode? DefaultGateway(IEnumerable<HostNode> hosts) =>
        hosts.Where(h => h.IsGateway).OrderBy(h => h.Name, StringComparer.Ordinal).FirstOrDefault();

    /// <summary>The host an instance runs on, or null when no compute host is registered.</summary>
    public static HostNode? HostOf(Instance instance, IReadOnlyCollection<HostNode> hosts)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(hosts);
        return hosts.FirstOrDefault(h => h.IsCompute && h.Name == instance.Host) ?? DefaultCompute(hosts);
    }
}
