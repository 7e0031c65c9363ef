using Eipnet.DataPlane.Linux.Nft;
using Eipnet.Domain.Resources;

namespace Eipnet.DataPlane.Linux.Planning;

/// <summary>A router's security-group part: one inbound and one outbound chain per combination of groups some ENI in it has,
/// and a members set per group that an ENI in it has or that such a combination names as a peer.</summary>
/// <remarks>Made whole from the router's ENI fragments: it depends on their groups and own addresses and on the groups'
/// rules, not on EIPs (only a multi-EIP or cut-through ENI's own addresses include its EIPs).</remarks>
internal sealed record RouterGroups(IReadOnlyDictionary<string, NftChain> Chains, IReadOnlyDictionary<string, NftSet> Members)
{
    public static RouterGroups For(IEnumerable<EniFragment> inRouter, IReadOnlyDictionary<string, SecurityGroup> groups)
    {
        var chains = new SortedDictionary<string, NftChain>(StringComparer.Ordinal);
        var members = new SortedDictionary<string, SortedDictionary<string, string?>>(StringComparer.Ordinal);
        foreach (var eni in inRouter.Where(f => f.GroupIds.Count > 0))
        {
            var inbound = SecurityGroupChains.InboundChain(eni.GroupIds);
            if (!chains.ContainsKey(inbound))
            {
                chains[inbound] = SecurityGroupChains.Inbound(eni.GroupIds, groups);
                var outbound = SecurityGroupChains.Outbound(eni.GroupIds, groups);
                chains[outbound.Name] = outbound;
                foreach (var peer in SecurityGroupChains.PeerGroups(eni.GroupIds, groups))
                    MembersOf(members, peer);
            }
            foreach (var id in eni.GroupIds)
                foreach (var address in eni.Own)
                    MembersOf(members, id)[address] = null;
        }
        return new RouterGroups(chains, members.ToDictionary(
            m => SecurityGroupChains.MembersSet(m.Key),
            m => new NftSet("set", SecurityGroupChains.MembersSet(m.Key), "ipv4_addr", m.Value), StringComparer.Ordinal));
    }

    /// <summary>Whether a set of a router's table belongs to this part (a members set).</summary>
    public static bool IsMembersSet(string name) => name.StartsWith(SecurityGroupChains.MembersPrefix, StringComparison.Ordinal);

    private static SortedDictionary<string, string?> MembersOf(SortedDictionary<string, SortedDictionary<string, string?>> members, string groupId)
    {
        if (!members.TryGetValue(groupId, out var set))
            members[groupId] = set = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        return set;
    }
}
