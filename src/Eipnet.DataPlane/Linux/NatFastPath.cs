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
    public static bool TryPlan(HostPlan before, DesiredState desired, IReadOnlySet<string> touched, HostPlanOptions options,
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
            if (!key.StartsWith("eip:", StringComparison.Ordinal))
                return false;
            var id = key["eip:".Length..];
            desired.Eips.TryGetValue(id, out var now);
            if (now is not null && Active(now) && now.Association!.Mode != AssociationMode.Nat)
                return false;
            byAllocation.Add((id, now));
        }

        var dnat = Immutable(before.Table.Sets[HostPlan.DnatMap].Elements);
        var snat = Immutable(before.Table.Sets[HostPlan.SnatMap].Elements);
        var targets = before.EipTargets as ImmutableDictionary<string, EipTarget> ?? before.EipTargets.ToImmutableDictionary(StringComparer.Ordinal);
        var deletesDnat = new List<string>();
        var deletesSnat = new List<string>();
        var adds = new List<(string Eip, string Private)>();
        var flushes = new SortedSet<string>(StringComparer.Ordinal);
        var touchedAddresses = new HashSet<string>(StringComparer.Ordinal);

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
                before.Links.TryGetValue(a.NetworkInterfaceId, out var link);
                next = new EipTarget(now.IpAddress, a.NetworkInterfaceId, a.PrivateIpAddress, a.Mode, link?.Namespace) { AllocationId = now.AllocationId };
            }
            if (old == next)
                continue;
            if (old is not null)
            {
                deletesDnat.Add(old.EipAddress);
                deletesSnat.Add(old.PrivateIpAddress);
                dnat = dnat.Remove(old.EipAddress);
                snat = snat.Remove(old.PrivateIpAddress);
                targets = targets.Remove(old.EipAddress);
                flushes.Add(old.EipAddress);
            }
            if (next is not null)
            {
                adds.Add((next.EipAddress, next.PrivateIpAddress));
                targets = targets.SetItem(next.EipAddress, next);
            }
        }
        foreach (var (eip, privateIp) in adds)
        {
            dnat = dnat.SetItem(eip, privateIp);
            snat = snat.SetItem(privateIp, eip);
        }

        var sets = new Dictionary<string, NftSet>(before.Table.Sets, StringComparer.Ordinal)
        {
            [HostPlan.DnatMap] = before.Table.Sets[HostPlan.DnatMap] with { Elements = dnat },
            [HostPlan.SnatMap] = before.Table.Sets[HostPlan.SnatMap] with { Elements = snat },
        };
        after = before with { Revision = desired.Revision, Table = before.Table with { Sets = sets }, EipTargets = targets };

        var t = before.Table.Qualified;
        var commands = new List<string>();
        if (deletesDnat.Count > 0)
        {
            commands.Add($"delete element {t} {HostPlan.DnatMap} {{ {string.Join(", ", deletesDnat)} }}");
            commands.Add($"delete element {t} {HostPlan.SnatMap} {{ {string.Join(", ", deletesSnat)} }}");
        }
        if (adds.Count > 0)
        {
            commands.Add($"add element {t} {HostPlan.DnatMap} {{ {string.Join(", ", adds.Select(a => NftSet.Element(a.Eip, a.Private)))} }}");
            commands.Add($"add element {t} {HostPlan.SnatMap} {{ {string.Join(", ", adds.Select(a => NftSet.Element(a.Private, a.Eip)))} }}");
        }
        var ops = new List<HostOp>();
        if (commands.Count > 0)
            ops.Add(new NftTransaction(options.GatewayNamespace, commands));
        ops.AddRange(flushes.Select(a => new FlushConntrack(options.GatewayNamespace, a)));
        diff = new HostDiff(ops);
        return true;
    }

    private static bool Active(Eip eip) => eip.Association is not null && eip.Status is EipStatus.Associating or EipStatus.InUse;

    private static ImmutableDictionary<string, string?> Immutable(IReadOnlyDictionary<string, string?> elements) =>
        elements as ImmutableDictionary<string, string?> ?? elements.ToImmutableDictionary(StringComparer.Ordinal);
}
