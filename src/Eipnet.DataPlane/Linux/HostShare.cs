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
        var key = new System.Text.StringBuilder(Me!.Name);
        foreach (var h in hosts.OrderBy(h => h.Name, StringComparer.Ordinal))
            key.Append('|').Append(h.Name).Append(':').Append(h.Id).Append(':').Append((int)h.Roles).Append(':').Append(h.UnderlayAddress);
        foreach (var (vpcId, set) in computeHostsByVpc.OrderBy(v => v.Key, StringComparer.Ordinal))
            key.Append('|').Append(vpcId).Append('=').AppendJoin(',', set);
        Key = key.ToString();
    }

    /// <summary>Everything this share's routers and tunnels follow from: the hosts, and which compute hosts each VPC has ("" for
    /// one host). While it stays the same, a change plans incrementally.</summary>
    public string Key { get; } = "";

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

    /// <summary>The part this host's routers play.</summary>
    internal HostPlan.RouterRole RouterRole => !Overlay ? HostPlan.RouterRole.Single : Gateway ? HostPlan.RouterRole.Gateway : HostPlan.RouterRole.Compute;

    /// <summary>Whether this host has a router for the ENI's VPC: a gateway for every VPC with an ENI, a compute host for the
    /// VPCs of its own ENIs.</summary>
    public bool HasRouterFor(NetworkInterface eni) => Gateway || IsLocal(HostOf(eni)) || HasComputeHost(eni.VpcId ?? "", Me?.Name);

    private bool HasComputeHost(string vpcId, string? host) =>
        host is not null && computeHostsByVpc.TryGetValue(vpcId, out var set) && set.Contains(host);

    /// <summary>A gateway router's VXLAN device to the VPC's compute hosts (the VPC's VNI).</summary>
    public const string NorthSouthDevice = "vxn";

    /// <summary>A compute router's VXLAN device to the VPC's other compute hosts (the VPC's east-west VNI).</summary>
    public const string EastWestDevice = "vxe";

    /// <summary>The VXLAN devices of this host's router of a VPC, each with its VNI and the hosts on it: a gateway's
    /// <see cref="NorthSouthDevice"/> to the VPC's compute hosts; a compute host's "transit" to the default gateway (its way
    /// out, as a gateway router's transit link is, on the same VNI as the gateway's device) and <see cref="EastWestDevice"/>
    /// to the VPC's other compute hosts.</summary>
    public IEnumerable<(string Device, int Vni, IReadOnlyList<HostNode> Peers)> TunnelsOf(string vpcId, int vni)
    {
        if (!Overlay)
            yield break;
        var computes = hosts.Where(h => h.Name != Me!.Name && h.UnderlayAddress.Length > 0 && HasComputeHost(vpcId, h.Name))
            .OrderBy(h => h.Name, StringComparer.Ordinal).ToList();
        if (Gateway)
        {
            if (computes.Count > 0)
                yield return (NorthSouthDevice, vni, computes);
            yield break;
        }
        if (defaultGateway is { } gw && gw.Name != Me!.Name && gw.UnderlayAddress.Length > 0)
            yield return (HostPlanOptions.TransitName, vni, [gw]);
        var others = computes.Where(h => !h.IsGateway).ToList();
        if (others.Count > 0)
            yield return (EastWestDevice, Eipnet.Domain.Hosts.Overlay.EastWest(vni), others);
    }

    /// <summary>The device this host's router of a VPC reaches <paramref name="host"/>'s router through, or null when it has none.</summary>
    public string? DeviceTo(HostNode host, string vpcId)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (!Overlay || host.Name == Me!.Name || host.UnderlayAddress.Length == 0)
            return null;
        if (Gateway)
            return HasComputeHost(vpcId, host.Name) ? NorthSouthDevice : null;
        if (host.Name == defaultGateway?.Name)
            return HostPlanOptions.TransitName;
        return !host.IsGateway && HasComputeHost(vpcId, host.Name) ? EastWestDevice : null;
    }
}
