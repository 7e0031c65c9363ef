using Eipnet.Domain.Resources;

namespace Eipnet.Domain.Hosts;

/// <summary>Which hosts' kernels must hold a change before the resource's transition (Associating, Attaching, Pending, ...)
/// ends: every gateway (EIPs, NAT and the routes to ENIs live there) and the compute host of the instance it concerns (an ENI
/// that is detaching or attached to none: the host where detached ENIs wait). Other hosts of the VPC follow as they apply
/// (their routes to it), so a host that is down holds up only what runs on it.</summary>
public static class Involvement
{
    /// <summary>Whether every involved host has applied <paramref name="revision"/>. <paramref name="instanceId"/> is the
    /// instance the resource concerns (null: none); <paramref name="hostOfInstance"/> gives an instance's host name ("" when
    /// unplaced; null when the instance is gone).</summary>
    public static bool Applied(string? instanceId, long revision, IReadOnlyList<(HostNode Host, long Applied)> agents, Func<string, string?> hostOfInstance)
    {
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentNullException.ThrowIfNull(hostOfInstance);
        var hosts = agents.Select(a => a.Host).ToList();
        if (agents.Any(a => a.Host.IsGateway && a.Applied < revision))
            return false;
        var hostName = instanceId is null ? null : hostOfInstance(instanceId);
        var compute = hostName is null
            ? Placement.DefaultCompute(hosts)
            : hosts.FirstOrDefault(h => h.IsCompute && h.Name == hostName) ?? Placement.DefaultCompute(hosts);
        return compute is null || agents.Any(a => a.Host.Name == compute.Name && a.Applied >= revision);
    }

    /// <summary>The instance a transitional resource concerns: an instance itself, an ENI's instance, an EIP's target
    /// instance or its ENI's (<paramref name="instanceOfEni"/>).</summary>
    public static string? InstanceOf(object resource, Func<string, string?> instanceOfEni)
    {
        ArgumentNullException.ThrowIfNull(instanceOfEni);
        return resource switch
        {
            Instance i => i.InstanceId,
            NetworkInterface n => n.InstanceId,
            Eip { Association: { } a } => a.TargetType == "EcsInstance" ? a.TargetId : instanceOfEni(a.NetworkInterfaceId),
            _ => null,
        };
    }
}
