using Eipnet.DataPlane.Linux.Planning;
using Eipnet.Domain.Associations;
using Eipnet.Domain.Resources;

namespace Eipnet.DataPlane.Linux;

/// <summary>The next plan in time that grows with what changed, not with the host: the last plan with the fragments of the
/// touched ENIs, EIPs, instances and security groups replaced (Planning/), and the diff of only those.</summary>
/// <remarks>What a change touches:
/// - an EIP: its target and map elements; its ENI (old and new) too when the EIP is not NAT or the ENI has an EIP that is
///   not (a NAT EIP changes nothing on its ENI: SPEC, the instance never sees it);
/// - an ENI (created, attached, detached, moved, deleted, its groups or addresses changed): its fragment and its EIPs, and its
///   router's security-group part when its groups or own addresses change; its router comes or goes with its first or last ENI;
/// - an instance: its namespace and the ENIs that name it (attached or parked);
/// - a security group: the groups part of every router with an ENI in it.
/// Each fragment is rendered by the same function the full plan uses (<see cref="HostPlan.For"/> puts the same fragments
/// together), on immutable collections that share everything untouched, so a change costs a few tree paths; the diff is
/// <see cref="HostDiff.Between"/> of the two plans cut down to the touched keys, which is the whole diff because the plans
/// agree everywhere else. A vSwitch or VPC change, a full change set, a plan observed from the kernel and a plan with
/// overlapping keys take the full plan instead; <c>IncrementalPlannerTests</c> checks over random runs that both agree.</remarks>
public static class IncrementalPlanner
{
    /// <summary>The next plan and the diff to it, or false when the change needs the full plan.</summary>
    public static bool TryPlan(HostPlan before, DesiredState desired, IReadOnlySet<ResourceKey> touched, HostPlanOptions options,
        out HostPlan after, out HostDiff diff)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(touched);
        ArgumentNullException.ThrowIfNull(options);
        after = before;
        diff = new HostDiff([]);
        // With several hosts, what a router has (its tunnels and their peers, whether it exists) follows from where the VPC has
        // compute hosts: a change that moves that (a VPC's first or last ENI on a host, a host registered) plans in full.
        var share = HostShare.Of(desired, options);
        if (share.Key != before.ShareKey || PlanEdit.Of(before, options, share) is not { } plan || before.EniFragments is not { } fragments)
            return false;

        var enis = new SortedSet<string>(StringComparer.Ordinal);
        var eipAddresses = new HashSet<string>(StringComparer.Ordinal);
        var eips = new Dictionary<string, Eip>(StringComparer.Ordinal); // the EIPs to place again, by allocation id
        var instances = new SortedSet<string>(StringComparer.Ordinal);
        var groups = new HashSet<string>(StringComparer.Ordinal);
        bool OnlyNat(string eniId) => !fragments.TryGetValue(eniId, out var f) || f.OnlyNat;
        foreach (var key in touched)
        {
            switch (key.Kind)
            {
                case ResourceKind.Eip:
                    desired.ReplacedEips.TryGetValue(key.Id, out var was);
                    desired.Eips.TryGetValue(key.Id, out var now);
                    if (was is not null)
                    {
                        eipAddresses.Add(was.IpAddress);
                        if (before.EipTargets.TryGetValue(was.IpAddress, out var old) && (old.Mode != AssociationMode.Nat || !OnlyNat(old.EniId)))
                            enis.Add(old.EniId);
                        // A host that is no gateway holds no targets, but its ENIs carry their non-NAT EIPs (addresses, sources).
                        if (was.Association is { } wa && (wa.Mode != AssociationMode.Nat || !OnlyNat(wa.NetworkInterfaceId)))
                            enis.Add(wa.NetworkInterfaceId);
                    }
                    if (now is not null)
                    {
                        eipAddresses.Add(now.IpAddress);
                        eips[now.AllocationId] = now;
                        if (EipFragment.Active(now) && (now.Association!.Mode != AssociationMode.Nat || !OnlyNat(now.Association.NetworkInterfaceId)))
                            enis.Add(now.Association.NetworkInterfaceId);
                    }
                    break;
                case ResourceKind.Eni:
                    enis.Add(key.Id);
                    break;
                case ResourceKind.Instance:
                    instances.Add(key.Id);
                    foreach (var eni in desired.NetworkInterfaces.Values.Where(n => n.InstanceId == key.Id))
                        enis.Add(eni.NetworkInterfaceId);
                    break;
                case ResourceKind.SecurityGroup:
                    groups.Add(key.Id);
                    break;
                default:
                    return false; // vSwitches and VPCs shape routers and every ENI in them: rare, planned in full
            }
        }
        foreach (var id in enis)
        {
            foreach (var eip in desired.EipsOn(id).Values)
            {
                eipAddresses.Add(eip.IpAddress);
                eips[eip.AllocationId] = eip;
            }
        }

        // Out first, in second, as the diff runs: one ENI or EIP may take a key another lets go in the same pass.
        foreach (var address in eipAddresses)
            if (before.EipTargets.TryGetValue(address, out var target))
                plan.RemoveEip(target);
        var changed = new List<(EniFragment? Before, EniFragment? After)>();
        foreach (var id in enis)
        {
            if (fragments.TryGetValue(id, out var old))
                plan.RemoveEni(old);
        }
        foreach (var id in instances)
        {
            var ns = options.InstanceNamespace(id);
            var here = desired.Instances.TryGetValue(id, out var instance) && share.IsLocal(instance);
            if (here && !plan.HasNamespace(ns))
                plan.AddNamespace(ns);
            else if (!here && plan.HasNamespace(ns))
                plan.RemoveNamespace(ns);
        }
        foreach (var id in enis)
        {
            fragments.TryGetValue(id, out var old);
            EniFragment? next = null;
            if (desired.NetworkInterfaces.TryGetValue(id, out var eni) && EniFragment.For(eni, desired, options, share) is { } fragment)
            {
                next = fragment;
                if (!plan.HasRouter(next.Router))
                {
                    if (share.Overlay)
                        return false; // cannot happen while the share's key holds; planned in full to be sure
                    plan.AddRouter(RouterFragment.For(next.VpcId, desired, options, share));
                }
                plan.AddEni(next);
            }
            changed.Add((old, next));
        }
        // A router goes with its last ENI.
        var emptied = changed.Where(c => c.Before is not null && c.Before.Router != c.After?.Router).Select(c => c.Before!).DistinctBy(f => f.Router).ToList();
        if (emptied.Count > 0 && share.Overlay && emptied.Any(f => !plan.Fragments.Any(g => g.Router == f.Router)))
            return false; // a router of several hosts goes only with a change of the share's key
        if (emptied.Count > 0)
        {
            var left = plan.Fragments.Select(f => f.Router).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in emptied.Where(f => !left.Contains(f.Router)))
                plan.RemoveRouter(RouterFragment.For(gone.VpcId, desired, options, share));
        }
        foreach (var eip in eips.Values.Where(EipFragment.Active).OrderBy(e => e.AllocationId, StringComparer.Ordinal))
            plan.AddEip(eip);

        var regroup = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (old, next) in changed.Where(c => EniFragment.GroupsDiffer(c.Before, c.After)))
        {
            if (old is not null)
                regroup.Add(old.Router);
            if (next is not null)
                regroup.Add(next.Router);
        }
        if (groups.Count > 0)
            regroup.UnionWith(plan.Fragments.Where(f => f.GroupIds.Any(groups.Contains)).Select(f => f.Router));
        if (regroup.Count > 0)
        {
            var byRouter = plan.Fragments.Where(f => regroup.Contains(f.Router)).ToLookup(f => f.Router);
            foreach (var router in regroup.Where(plan.HasRouter))
                plan.SetGroups(router, RouterGroups.For(byRouter[router], desired.SecurityGroups));
        }
        if (plan.Overlaps)
            return false;

        after = plan.ToPlan(desired.Revision);
        diff = HostDiff.Between(plan.Keys!.Project(before), plan.Keys.Project(after), options);
        return true;
    }
}
