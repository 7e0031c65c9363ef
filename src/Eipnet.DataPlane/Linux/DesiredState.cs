using Eipnet.Domain.Hosts;
using Eipnet.Domain.Resources;

namespace Eipnet.DataPlane.Linux;

/// <summary>The intent for this host, accumulated from the reconciler's <see cref="DesiredChanges"/>: the latest record of every resource.</summary>
/// <remarks>A full change set replaces everything; a partial one upserts what it lists and deletes what <c>Removed</c> names.
/// <see cref="Apply"/> returns the keys of what it replaced, added or deleted.</remarks>
public sealed class DesiredState
{
    private readonly SortedDictionary<string, Eip> eips = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, NetworkInterface> enis = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, Instance> instances = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, SecurityGroup> groups = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, VSwitch> vSwitches = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, Vpc> vpcs = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, HostNode> hosts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedDictionary<string, Eip>> eipsByEni = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Eip> replacedEips = new(StringComparer.Ordinal);

    /// <summary>The revision of the last change set applied; 0 before any.</summary>
    public long Revision { get; private set; }

    public IReadOnlyDictionary<string, Eip> Eips => eips;
    public IReadOnlyDictionary<string, NetworkInterface> NetworkInterfaces => enis;
    public IReadOnlyDictionary<string, Instance> Instances => instances;
    public IReadOnlyDictionary<string, SecurityGroup> SecurityGroups => groups;
    public IReadOnlyDictionary<string, VSwitch> VSwitches => vSwitches;
    public IReadOnlyDictionary<string, Vpc> Vpcs => vpcs;
    public IReadOnlyDictionary<string, HostNode> Hosts => hosts;

    /// <summary>The EIPs whose association names this ENI, in any status, by allocation id; empty for an ENI without any.</summary>
    /// <remarks>An index kept by <see cref="Apply"/>, so that planning one ENI costs its own EIPs, not all of them.</remarks>
    public IReadOnlyDictionary<string, Eip> EipsOn(string networkInterfaceId) =>
        eipsByEni.TryGetValue(networkInterfaceId, out var onEni) ? onEni : Empty;

    /// <summary>The records of the EIPs the last <see cref="Apply"/> replaced or removed, as they were before it, by allocation id
    /// (an EIP it added is absent): what a released EIP was associated with, which its removal no longer says.</summary>
    public IReadOnlyDictionary<string, Eip> ReplacedEips => replacedEips;

    /// <summary>Folds one change set in and returns the keys it replaced, added or deleted (a full set touches every key, old and new).</summary>
    public IReadOnlySet<ResourceKey> Apply(DesiredChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var touched = new SortedSet<ResourceKey>();
        replacedEips.Clear();
        if (changes.Full)
        {
            // Full means "this is everything": whatever the lists do not name must go, so the old keys count as touched too.
            foreach (var (id, eip) in eips)
                replacedEips[id] = eip;
            eipsByEni.Clear();
            Clear(ResourceKind.Eip, eips, touched);
            Clear(ResourceKind.Eni, enis, touched);
            Clear(ResourceKind.Instance, instances, touched);
            Clear(ResourceKind.SecurityGroup, groups, touched);
            Clear(ResourceKind.VSwitch, vSwitches, touched);
            Clear(ResourceKind.Vpc, vpcs, touched);
        }
        foreach (var eip in changes.Eips)
        {
            if (eips.TryGetValue(eip.AllocationId, out var old))
                Forget(old);
            eips[eip.AllocationId] = eip;
            Index(eip);
            touched.Add(new ResourceKey(ResourceKind.Eip, eip.AllocationId));
        }
        Upsert(ResourceKind.Eni, enis, changes.NetworkInterfaces, n => n.NetworkInterfaceId, touched);
        Upsert(ResourceKind.Instance, instances, changes.Instances, i => i.InstanceId, touched);
        Upsert(ResourceKind.SecurityGroup, groups, changes.SecurityGroups, g => g.SecurityGroupId, touched);
        Upsert(ResourceKind.VSwitch, vSwitches, changes.VSwitches, v => v.VSwitchId, touched);
        Upsert(ResourceKind.Vpc, vpcs, changes.Vpcs, v => v.VpcId, touched);
        // Hosts come whole in every change set: what differs is touched.
        foreach (var gone in hosts.Keys.Where(name => changes.Hosts.All(h => h.Name != name)).ToList())
        {
            hosts.Remove(gone);
            touched.Add(new ResourceKey(ResourceKind.Host, gone));
        }
        foreach (var host in changes.Hosts)
        {
            if (hosts.TryGetValue(host.Name, out var known) && known == host)
                continue;
            hosts[host.Name] = host;
            touched.Add(new ResourceKey(ResourceKind.Host, host.Name));
        }
        foreach (var removed in changes.Removed)
        {
            if (removed.Kind == ResourceKind.Eip && eips.TryGetValue(removed.Id, out var old))
                Forget(old);
            var gone = removed.Kind switch
            {
                ResourceKind.Eip => eips.Remove(removed.Id),
                ResourceKind.Eni => enis.Remove(removed.Id),
                ResourceKind.Instance => instances.Remove(removed.Id),
                ResourceKind.SecurityGroup => groups.Remove(removed.Id),
                ResourceKind.VSwitch => vSwitches.Remove(removed.Id),
                ResourceKind.Vpc => vpcs.Remove(removed.Id),
                ResourceKind.Host => hosts.Remove(removed.Id),
                _ => throw new ArgumentOutOfRangeException(nameof(changes), removed.Kind, "Unknown resource kind."),
            };
            if (gone)
                touched.Add(new ResourceKey(removed.Kind, removed.Id));
        }
        Revision = changes.Revision;
        return touched;
    }

    private static readonly IReadOnlyDictionary<string, Eip> Empty = new Dictionary<string, Eip>();

    private void Index(Eip eip)
    {
        if (eip.Association is not { } a)
            return;
        if (!eipsByEni.TryGetValue(a.NetworkInterfaceId, out var onEni))
            eipsByEni[a.NetworkInterfaceId] = onEni = new SortedDictionary<string, Eip>(StringComparer.Ordinal);
        onEni[eip.AllocationId] = eip;
    }

    /// <summary>Takes the record out of the index and notes it as replaced (the first record of a pass is the one before it).</summary>
    private void Forget(Eip eip)
    {
        replacedEips.TryAdd(eip.AllocationId, eip);
        if (eip.Association is { } a && eipsByEni.TryGetValue(a.NetworkInterfaceId, out var onEni))
        {
            onEni.Remove(eip.AllocationId);
            if (onEni.Count == 0)
                eipsByEni.Remove(a.NetworkInterfaceId);
        }
    }

    private static void Clear<T>(ResourceKind kind, SortedDictionary<string, T> items, SortedSet<ResourceKey> touched)
    {
        foreach (var id in items.Keys)
            touched.Add(new ResourceKey(kind, id));
        items.Clear();
    }

    private static void Upsert<T>(ResourceKind kind, SortedDictionary<string, T> items, IReadOnlyList<T> changed, Func<T, string> id, SortedSet<ResourceKey> touched)
    {
        foreach (var item in changed)
        {
            items[id(item)] = item;
            touched.Add(new ResourceKey(kind, id(item)));
        }
    }
}
