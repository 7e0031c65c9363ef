using Eipnet.Domain.Resources;

namespace Eipnet.DataPlane.Linux;

/// <summary>The intent for this host, accumulated from the reconciler's <see cref="DesiredChanges"/>: the latest record of every resource.</summary>
/// <remarks>A full change set replaces everything; a partial one upserts what it lists and deletes what <c>Removed</c> names.
/// Keys returned by <see cref="Apply"/> are "kind:id" with the store's change kinds ("eip", "eni", "instance", "security_group",
/// "vswitch", "vpc").</remarks>
public sealed class DesiredState
{
    private readonly SortedDictionary<string, Eip> eips = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, NetworkInterface> enis = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, Instance> instances = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, SecurityGroup> groups = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, VSwitch> vSwitches = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, Vpc> vpcs = new(StringComparer.Ordinal);

    /// <summary>The revision of the last change set applied; 0 before any.</summary>
    public long Revision { get; private set; }

    public IReadOnlyDictionary<string, Eip> Eips => eips;
    public IReadOnlyDictionary<string, NetworkInterface> NetworkInterfaces => enis;
    public IReadOnlyDictionary<string, Instance> Instances => instances;
    public IReadOnlyDictionary<string, SecurityGroup> SecurityGroups => groups;
    public IReadOnlyDictionary<string, VSwitch> VSwitches => vSwitches;
    public IReadOnlyDictionary<string, Vpc> Vpcs => vpcs;

    /// <summary>Folds one change set in and returns the keys it replaced, added or deleted (a full set touches every key, old and new).</summary>
    public IReadOnlySet<string> Apply(DesiredChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var touched = new SortedSet<string>(StringComparer.Ordinal);
        if (changes.Full)
        {
            // Full means "this is everything": whatever the lists do not name must go, so the old keys count as touched too.
            Clear("eip", eips, touched);
            Clear("eni", enis, touched);
            Clear("instance", instances, touched);
            Clear("security_group", groups, touched);
            Clear("vswitch", vSwitches, touched);
            Clear("vpc", vpcs, touched);
        }
        Upsert("eip", eips, changes.Eips, e => e.AllocationId, touched);
        Upsert("eni", enis, changes.NetworkInterfaces, n => n.NetworkInterfaceId, touched);
        Upsert("instance", instances, changes.Instances, i => i.InstanceId, touched);
        Upsert("security_group", groups, changes.SecurityGroups, g => g.SecurityGroupId, touched);
        Upsert("vswitch", vSwitches, changes.VSwitches, v => v.VSwitchId, touched);
        Upsert("vpc", vpcs, changes.Vpcs, v => v.VpcId, touched);
        foreach (var removed in changes.Removed)
        {
            var gone = removed.Kind switch
            {
                "eip" => eips.Remove(removed.Id),
                "eni" => enis.Remove(removed.Id),
                "instance" => instances.Remove(removed.Id),
                "security_group" => groups.Remove(removed.Id),
                "vswitch" => vSwitches.Remove(removed.Id),
                "vpc" => vpcs.Remove(removed.Id),
                _ => false, // kinds the data plane does not render (accounts, ...)
            };
            if (gone)
                touched.Add(removed.Kind + ":" + removed.Id);
        }
        Revision = changes.Revision;
        return touched;
    }

    private static void Clear<T>(string kind, SortedDictionary<string, T> items, SortedSet<string> touched)
    {
        foreach (var id in items.Keys)
            touched.Add(kind + ":" + id);
        items.Clear();
    }

    private static void Upsert<T>(string kind, SortedDictionary<string, T> items, IReadOnlyList<T> changed, Func<T, string> id, SortedSet<string> touched)
    {
        foreach (var item in changed)
        {
            items[id(item)] = item;
            touched.Add(kind + ":" + id(item));
        }
    }
}
