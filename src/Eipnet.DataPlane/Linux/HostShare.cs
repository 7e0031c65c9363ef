using Eipnet.Domain.Hosts;
using Eipnet.Domain.Resources;

namespace Eipnet.DataPlane.Linux;

/// <summary>This host's share of the intent: its roles, which instances and ENIs are here, and which other hosts its routers
/// have tunnels to. One host (none registered, or only this one) does everything, with no tunnels.</summary>
/// <remarks>Placement is <see cref="Placement"/>'s, the same on every host, so every host agrees where everything is. A VPC has
/// a router on every gateway host (where EIPs arrive) once any of its ENIs exists, and on every compute host with one of its
/// ENIs. A compute host's router reaches the internet through its tunnel to the default gateway, and the routers of the
/// VPC's other compute hosts directly; a gateway's router reaches the compute hosts with the VPC's ENIs.</remarks>
public sealed class HostShare
{
    private readonly DesiredState desired;
    private readonly IReadOnlyList<HostNode> hosts;
    private readonly HostNode? defaultGateway, parking;
    private readonly Dictionary<string, SortedSet<string>> computeHostsByVpc = new(StringComparer.Ordinal);

    private HostShare(DesiredState desired, HostNode? me)
    {
        this.desired = desired;
        hosts = desired.Hosts.Values.ToList();
        Me = me;
        Overlay = me is not null && hosts.Count > 1;
        Gateway = me?.IsGateway ?? true;
        Compute = me?.IsCompute ?? true;
        defaultGateway = Placement.DefaultGateway(hosts);
        parking = Placement.DefaultCompute(hosts);
        if (!Overlay)
            return;
        foreach (var eni in desired.NetworkInterfaces.Values)
        {
            if (HostOf(eni) is not { } host)
                continue;
            var vpcId = eni.VpcId ?? "";
            if (!computeHostsByVpc.TryGetValue(vpcId, out var set))
                computeHostsByVpc[vpcId] = set = new SortedSet<string>(StringComparer.Ordinal);
            set.Add(host.Name);
        }
    }

    public static HostShare Of(DesiredState desired, HostPlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(options);
        var me = options.HostName is { } name ? desired.Hosts.GetValueOrDefault(name) : null;
        return new HostShare(desired, me);
    }

    /// <summary>This host, when it is one of several.</summary>
    public HostNode? Me { get; }

    /// <summary>Several hosts, joined by tunnels.</summary>
    public bool Overlay { get; }

    public bool Gateway { get; }

    public bool Compute { get; }

    /// <summary>The host an instance runs on; null with one host (it runs here).</summary>
    public HostNode? HostOf(Instance instance) => Overlay ? Placement.HostOf(instance, hosts) : null;

    /// <summary>The host an ENI is on: its instance's while attached (or attaching), else the one where detached ENIs wait.</summary>
    public HostNode? HostOf(NetworkInterface eni)
    {
        ArgumentNullException.ThrowIfNull(eni);
        if (!Overlay)
            return null;
        var attached = eni.InstanceId is { } id && eni.Status is EniStatus.Attaching or EniStatus.InUse && desired.Instances.TryGetValue(id, out _);
        return attached ? HostOf(desired.Instances[eni.InstanceId!]) : parking;
    }

    public bool IsLocal(HostNode? host) => !Overlay || host?.Name == Me!.Name;

    public bool IsLocal(Instance instance) => IsLocal(HostOf(instance));

    /// <summary>Whether this host has a router for the ENI's VPC: a gateway for every VPC with an ENI, a compute host for the
    /// VPCs of its own ENIs.</summary>
    public bool HasRouterFor(NetworkInterface eni) => Gateway || IsLocal(HostOf(eni)) || HasComputeHost(eni.VpcId ?? "", Me?.Name);

    private bool HasComputeHost(string vpcId, string? host) =>
        host is not null && computeHostsByVpc.TryGetValue(vpcId, out var set) && set.Contains(host);

    /// <summary>The other hosts this host's router of a VPC has tunnels to.</summary>
    public IEnumerable<HostNode> PeersOf(string vpcId)
    {
        if (!Overlay)
            yield break;
        foreach (var host in hosts.OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            if (host.Name == Me!.Name || host.UnderlayAddress.Length == 0)
                continue;
            if (HasTunnelTo(host, vpcId))
                yield return host;
        }
    }

    /// <summary>Whether this host's router of a VPC has a tunnel to <paramref name="host"/>: a compute host of the VPC always (from
    /// a gateway, or directly between compute hosts); the default gateway from a compute host that is no gateway itself.</summary>
    public bool HasTunnelTo(HostNode host, string vpcId)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (!Overlay || host.Name == Me!.Name || host.UnderlayAddress.Length == 0)
            return false;
        if (HasComputeHost(vpcId, host.Name))
            return true;
        return !Gateway && host.Name == defaultGateway?.Name;
    }

    /// <summary>The tunnel's name in this host's routers: "transit" for a compute host's way to the default gateway, which is
    /// its way out as a gateway's transit link is; "o" and the host's number otherwise.</summary>
    public string TunnelName(HostNode host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return !Gateway && host.Name == defaultGateway?.Name ? HostPlanOptions.TransitName : HostPlan.TunnelMarker + host.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
