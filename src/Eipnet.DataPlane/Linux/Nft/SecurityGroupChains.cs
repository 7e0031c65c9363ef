using Eipnet.Domain.Resources;
using Eipnet.Domain.SecurityGroups;

namespace Eipnet.DataPlane.Linux.Nft;

/// <summary>Renders security groups as chains: one inbound and one outbound chain per combination of groups that some ENI has.</summary>
/// <remarks>Alibaba merges the rules of all an ENI's groups and the smallest priority wins, drop before accept on a tie. nft
/// cannot resolve priority inside one map lookup (interval elements may not overlap), so rules stay rules, in priority order,
/// in a chain shared by every ENI with the same groups; the ENI picks its chain through one verdict-map element. So adding an
/// ENI, moving it or changing its groups touches map elements only, and a rule change rewrites only the chains of the group
/// combinations that contain that group; the number of EIPs or ENIs never enters.</remarks>
internal static class SecurityGroupChains
{
    public static string InboundChain(IReadOnlyList<string> groupIds) => "in_" + string.Join("_", groupIds.Select(Token));

    public static string OutboundChain(IReadOnlyList<string> groupIds) => "out_" + string.Join("_", groupIds.Select(Token));

    /// <summary>The set of the addresses the members of a group send from: "members of one group reach each other", and a
    /// rule may name a group as its peer.</summary>
    public static string MembersSet(string groupId) => MembersPrefix + Token(groupId);

    public const string MembersPrefix = "members_";

    /// <summary>Inbound: explicit rules by priority, then members of the ENI's groups, then drop (inbound is denied unless allowed).</summary>
    public static NftChain Inbound(IReadOnlyList<string> groupIds, IReadOnlyDictionary<string, SecurityGroup> groups)
    {
        var rules = Ordered(groupIds, groups, "ingress").Select(r => Render(r, "saddr", accept: "accept")).ToList();
        rules.AddRange(groupIds.Select(id => $"ip saddr @{MembersSet(id)} accept"));
        rules.Add("drop");
        return new NftChain(InboundChain(groupIds), null, rules);
    }

    /// <summary>Outbound: explicit rules by priority; an accept only "return"s, so the destination ENI's inbound chain still
    /// decides, and falling off the end is the default accept.</summary>
    public static NftChain Outbound(IReadOnlyList<string> groupIds, IReadOnlyDictionary<string, SecurityGroup> groups) =>
        new(OutboundChain(groupIds), null, Ordered(groupIds, groups, "egress").Select(r => Render(r, "daddr", accept: "return")).ToList());

    /// <summary>Groups named as peers by the rules of these groups (their member sets must exist).</summary>
    public static IEnumerable<string> PeerGroups(IReadOnlyList<string> groupIds, IReadOnlyDictionary<string, SecurityGroup> groups) =>
        groupIds.SelectMany(id => groups.TryGetValue(id, out var g) ? g.Rules : []).Select(r => r.PeerGroupId).Where(p => !string.IsNullOrEmpty(p));

    private static IEnumerable<SecurityGroupRule> Ordered(IReadOnlyList<string> groupIds, IReadOnlyDictionary<string, SecurityGroup> groups, string direction) =>
        groupIds.SelectMany(id => groups.TryGetValue(id, out var g) ? g.Rules : [])
            .Where(r => r.Direction == direction)
            .OrderBy(r => r.Priority)
            .ThenBy(r => r.Policy == RuleValues.Drop ? 0 : 1) // Alibaba: on equal priority, drop wins
            .ThenBy(r => r.SecurityGroupRuleId, StringComparer.Ordinal);

    private static string Render(SecurityGroupRule rule, string peerField, string accept)
    {
        var parts = new List<string>();
        if (rule.IpProtocol != "ALL")
            parts.Add("meta l4proto " + rule.IpProtocol.ToLowerInvariant());
        if (rule.IpProtocol is "TCP" or "UDP" && rule.PortRange is not "1/65535" and not RuleValues.NoPorts)
        {
            var (start, end) = (rule.PortRange[..rule.PortRange.IndexOf('/')], rule.PortRange[(rule.PortRange.IndexOf('/') + 1)..]);
            parts.Add("th dport " + (start == end ? start : start + "-" + end));
        }
        if (!string.IsNullOrEmpty(rule.PeerGroupId))
            parts.Add($"ip {peerField} @{MembersSet(rule.PeerGroupId)}");
        else if (!string.IsNullOrEmpty(rule.PeerCidr) && rule.PeerCidr != "0.0.0.0/0")
            parts.Add($"ip {peerField} {rule.PeerCidr}");
        parts.Add(rule.Policy == RuleValues.Drop ? "drop" : accept);
        return string.Join(" ", parts);
    }

    // nft identifiers: letters, digits and "_" are always safe.
    private static string Token(string id) => id.Replace('-', '_');
}
