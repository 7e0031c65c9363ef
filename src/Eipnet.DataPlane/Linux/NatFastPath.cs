using System.Collections.Immutable;
using Eipnet.DataPlane.Linux.Nft;
using Eipnet.DataPlane.Linux.Ops;
using Eipnet.DataPlane.Linux.Topology;
using Eipnet.Domain.Associations;
using Eipnet.Domain.Resources;

namespace Eipnet.DataPlane.Linux;

/// <summary>The common change, planned in time that does not grow with the number of EIPs: NAT-mode EIPs associated,
/// unassociated, moved between private IPs or released, and nothing else.</summary>
/// <remarks>A NAT EIP changes only its two map elements (dnat_v4, snat_v4) and its target: its ENI renders the same with or
/// without it (SPEC: the instance never sees a NAT EIP). So the next plan is the last one with those elements replaced, on
/// immutable dictionaries that share everything else, and the diff is those elements plus the flows to forget. Anything
/// else (a cut-through or multi-EIP EIP, an ENI, an instance, a group, a vSwitch) takes the full plan, which gives the same
/// result; <c>NatFastPathTests</c> checks that both agree.</remarks>
public static class NatFastPath
{
    /// <summary>The next plan and the diff to it, or false when a touched key is not a NAT-only EIP change.</summary>
    public static bool TryPlan(HostPlan before, DesiredState desired, IReadOnlySet<ResourceKey> touched, HostPlanOptions options,
        out HostPlan after, out HostDiff diff)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(touched);
        ArgumentNullException.ThrowIfNull(options);
        after = before;
        diff = new HostDiff([]);
        var byAllocation = new List<(string AllocationId, Eip? Now)>();
        foreach (var key in touched)
        {
            if (key.Kind != ResourceKind.Eip)
                return false;
            var id = key.Id;
            desired.Eips.TryGetValue(id, out var now);
            if (now is not null && Active(now) && now.Association!.Mode != AssociationMode.Nat)
                return false;
            byAllocation.Add((id, now));
        }

        var gw = options.GatewayNamespace;
        var tables = new Dictionary<string, NftTable>(before.Tables, StringComparer.Ordinal);
        var targets = before.EipTargets as ImmutableDictionary<string, EipTarget> ?? before.EipTargets.ToImmutableDictionary(StringComparer.Ordinal);
        // Per namespace and map: the keys to delete, then the elements to add (an element is deleted before its key is added again).
        var deletes = new SortedDictionary<(string Namespace, string Map), List<string>>();
        var adds = new SortedDictionary<(string Namespace, string Map), List<(string Key, string? Value)>>();
        var flushes = new SortedSet<(string, string)>();
        var touchedAddresses = new HashSet<string>(StringComparer.Ordinal);

        void Remove(string ns, string map, string key) => List(deletes, (ns, map)).Add(key);
        void Add(string ns, string map, string key, string? value) => List(adds, (ns, map)).Add((key, value));

        // A removed EIP no longer names its address: find its old target by allocation id among the touched EIPs' addresses.
        foreach (var (id, now) in byAllocation)
        {
            var address = now?.IpAddress ?? before.EipTargets.Values.FirstOrDefault(t => t.AllocationId == id)?.EipAddress;
            if (address is null || !touchedAddresses.Add(address))
                continue;
            before.EipTargets.TryGetValue(address, out var old);
            if (old is not null && old.Mode != AssociationMode.Nat)
                return false;
            EipTarget? next = null;
            if (now is not null && Active(now))
            {
                var a = now.Association!;
                if (!before.Links.TryGetValue(a.NetworkInterfaceId, out var link) || !tables.ContainsKey(link.RouterNamespace))
                    return false; // an ENI the last plan does not have: the full plan decides
                next = new EipTarget(now.IpAddress, a.NetworkInterfaceId, a.PrivateIpAddress, a.Mode, link.Namespace)
                {
                    AllocationId = now.AllocationId,
                    Router = link.RouterNamespace,
                };
            }
            if (old == next)
                continue;
            if (old is not null)
            {
                Remove(old.Router, HostPlan.DnatMap, old.EipAddress);
                Remove(old.Router, HostPlan.SnatMap, old.PrivateIpAddress);
                if (old.Router != next?.Router)
                {
                    Remove(gw, HostPlan.EipVpcMap, old.EipAddress);
                    if (next is null)
                        Remove(gw, HostPlan.EipSet, old.EipAddress);
                }
                targets = targets.Remove(old.EipAddress);
                flushes.Add((old.Router, old.EipAddress));
            }
            if (next is not null)
            {
                Add(next.Router, HostPlan.DnatMap, next.EipAddress, next.PrivateIpAddress);
                Add(next.Router, HostPlan.SnatMap, next.PrivateIpAddress, next.EipAddress);
                if (old?.Router != next.Router)
                    Add(gw, HostPlan.EipVpcMap, next.EipAddress, HostPlan.Mark(options.VpcOfRouter(next.Router)));
                if (old is null)
                    Add(gw, HostPlan.EipSet, next.EipAddress, null);
                targets = targets.SetItem(next.EipAddress, next);
            }
        }

        // All deletes, then all adds, as the transaction runs them: one EIP may take a key another let go in the same pass.
        foreach (var key in deletes.Keys.Union(adds.Keys))
        {
            var (ns, map) = key;
            var set = tables[ns].Sets[map];
            var elements = Immutable(set.Elements);
            if (deletes.TryGetValue(key, out var gone))
                elements = elements.RemoveRange(gone);
            if (adds.TryGetValue(key, out var added))
                foreach (var (k, v) in added)
                    elements = elements.SetItem(k, v);
            tables[ns] = tables[ns] with { Sets = new Dictionary<string, NftSet>(tables[ns].Sets, StringComparer.Ordinal) { [map] = set with { Elements = elements } } };
        }
        after = before with { Revision = desired.Revision, Tables = tables, EipTargets = targets };
        var byNamespace = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var ((ns, map), keys) in deletes)
        {
            // A key deleted and added again in one pass (an EIP moved to another private IP) is deleted once.
            var distinct = keys.Distinct(StringComparer.Ordinal).ToList();
            List(byNamespace, ns).Add($"delete element {before.Tables[ns].Qualified} {map} {{ {string.Join(", ", distinct)} }}");
        }
        foreach (var ((ns, map), elements) in adds)
        {
            var last = elements.GroupBy(e => e.Key, StringComparer.Ordinal).Select(g => g.Last());
            List(byNamespace, ns).Add($"add element {before.Tables[ns].Qualified} {map} {{ {string.Join(", ", last.Select(e => NftSet.Element(e.Key, e.Value)))} }}");
        }
        var ops = new List<HostOp>();
        // Routers first, the gateway last: the gateway steers an EIP to a router that already translates it.
        foreach (var (ns, commands) in byNamespace.OrderBy(n => n.Key == gw ? 1 : 0).ThenBy(n => n.Key, StringComparer.Ordinal))
            ops.Add(new NftTransaction(ns, commands));
        ops.AddRange(flushes.Select(f => new FlushConntrack(f.Item1, f.Item2)));
        diff = new HostDiff(ops);
        return true;
    }

    private static List<TValue> List<TKey, TValue>(SortedDictionary<TKey, List<TValue>> lists, TKey key) where TKey : notnull
    {
        if (!lists.TryGetValue(key, out var list))
            lists[key] = list = [];
        return list;
    }

    private static bool Active(Eip eip) => eip.Association is not null && eip.Status is EipStatus.Associating or EipStatus.InUse;

    private static ImmutableDictionary<string, string?> Immutable(IReadOnlyDictionary<string, string?> elements) =>
        elements as ImmutableDictionary<string, string?> ?? elements.ToImmutableDictionary(StringComparer.Ordinal);
}
