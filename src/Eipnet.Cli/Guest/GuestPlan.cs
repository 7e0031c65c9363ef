namespace Eipnet.Cli.Guest;

/// <summary>The guest's network configuration for one egress choice (pure: what, not how; the formats render it).</summary>
/// <remarks>Every ENI gets its own routing table with a default route through itself and a rule per address it
/// sends from, so replies leave by the ENI the request came in on (inbound through any EIP works). The main table's
/// default route decides where new connections go: the primary ENI, one chosen ENI, or a multipath route over the ENIs
/// with EIPs, with the kernel hashing flows by ports as well as addresses so that connections to one host spread.</remarks>
public sealed record GuestPlan(string InstanceId, GuestEgress Egress, IReadOnlyList<GuestNic> Nics, IReadOnlyList<GuestNic> DefaultVia)
{
    public bool Multipath => DefaultVia.Count > 1;

    /// <summary>Plans the configuration; throws <see cref="GuestConfigException"/> when the egress cannot be honoured.</summary>
    public static GuestPlan For(string instanceId, IReadOnlyList<GuestNic> nics, GuestEgress egress)
    {
        ArgumentNullException.ThrowIfNull(nics);
        ArgumentNullException.ThrowIfNull(egress);
        var primary = nics.FirstOrDefault(n => n.Primary) ?? throw new GuestConfigException($"{instanceId} has no primary ENI.");
        IReadOnlyList<GuestNic> via = egress.Kind switch
        {
            "primary" => [primary],
            "eni" => [nics.FirstOrDefault(n => n.EniId == egress.EniId)
                ?? throw new GuestConfigException($"{egress.EniId} is not attached to {instanceId}; its ENIs are {string.Join(", ", nics.Select(n => n.EniId))}.")],
            _ => nics.Where(n => n.Eips.Count > 0).ToList() is { Count: > 0 } withEips
                ? withEips
                : throw new GuestConfigException($"No ENI of {instanceId} has an EIP: there is nothing to spread outbound traffic over."),
        };
        return new GuestPlan(instanceId, egress, nics.OrderBy(n => n.DeviceIndex).ToList(), via);
    }
}
