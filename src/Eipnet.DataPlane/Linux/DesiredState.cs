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

    /// <summary>The revision of the last change set applied; 0 before any.</summary>
    public long Revision { get; private set; }

    public IReadOnlyDictionary<string, Eip> Eips => eips;
    public IReadOnlyDictionary<string, NetworkInterface> NetworkInterfaces => enis;
    public IReadOnlyDictionary<string, Instance> Instances => instances;
    public IReadOnlyDictionary<string, SecurityGroup> SecurityGroups => groups;
    public IReadOnlyDictionary<string, VSwitch> VSwitches => vSwitches;
    public IReadOnlyDictionary<string, Vpc> Vpcs => vpcs;
    public IReadOnlyDictionary<string, HostNode> Hosts => hosts;

    /// <summary>Folds one change set in and returns the keys it replaced, added or deleted (a full set touches every key, old and new).</summary>
    public IReadOnlySet<ResourceKey> Apply(DesiredChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var touched = new SortedSet<ResourceKey>();
        if (changes.Full)
        {
            // Full means "this is everything": whatever the lists do not name must go, so the old keys count as touched too.
            Clear(ResourceKind.Eip, eips, touched);
            Clear(ResourceKind.Eni, enis, touched);
            Clear(ResourceKind.Instance, instances, touched);
            Clear(ResourceKind.SecurityGroup, groups, touched);
            Clear(ResourceKind.VSwitch, vSwitches, touched);
            Clear(ResourceKind.Vpc, vpcs, touched);
        }
        Upsert(ResourceKind.Eip, eips, changes.Eips, e => e.AllocationId, touched);
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
