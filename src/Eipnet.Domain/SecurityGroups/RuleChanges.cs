using Eipnet.Domain.Errors;
using Eipnet.Domain.Resources;

namespace Eipnet.Domain.SecurityGroups;

/// <summary>Adding rules to and removing rules from a security group, as pure decisions over its rule list.</summary>
public static class RuleChanges
{
    /// <summary>The group's rules with the wanted ones appended, skipping any that match an existing or earlier wanted rule.</summary>
    /// <remarks>A duplicate is accepted without being added (Alibaba's behaviour), so retrying an authorization is harmless.
    /// The limit counts ingress and egress rules together (<see cref="SecurityGroup.MaxRules"/>).</remarks>
    public static (IReadOnlyList<SecurityGroupRule> Rules, int Added, EipError? Error) Add(SecurityGroup group, IReadOnlyList<SecurityGroupRule> wanted)
    {
        var rules = group.Rules.ToList();
        var added = 0;
        foreach (var rule in wanted)
        {
            if (rules.Any(r => r.SameMatch(rule)))
                continue;
            rules.Add(rule);
            added++;
        }
        if (rules.Count > SecurityGroup.MaxRules)
            return (group.Rules, 0, SecurityGroupErrors.RuleLimitExceeded(group.SecurityGroupId, SecurityGroup.MaxRules));
        return (rules, added, null);
    }

    /// <summary>The group's rules without the named rules (by id) and the matched ones (by content), all of one direction.</summary>
    /// <remarks>All or nothing: when one of them is not in the group nothing is removed and the error names it.</remarks>
    public static (IReadOnlyList<SecurityGroupRule> Rules, EipError? Error) Remove(
        SecurityGroup group, string direction, IReadOnlyList<string> ruleIds, IReadOnlyList<SecurityGroupRule> matching)
    {
        var remove = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ruleIds)
        {
            var rule = group.Rules.FirstOrDefault(r => r.SecurityGroupRuleId == id && r.Direction == direction);
            if (rule is null)
                return (group.Rules, SecurityGroupErrors.RuleNotFound(group.SecurityGroupId, $"{direction} rule {id}"));
            remove.Add(rule.SecurityGroupRuleId);
        }
        foreach (var wanted in matching)
        {
            var rule = group.Rules.FirstOrDefault(r => r.SameMatch(wanted));
            if (rule is null)
                return (group.Rules, SecurityGroupErrors.RuleNotFound(group.SecurityGroupId, Describe(wanted)));
            remove.Add(rule.SecurityGroupRuleId);
        }
        return (group.Rules.Where(r => !remove.Contains(r.SecurityGroupRuleId)).ToList(), null);
    }

    /// <summary>A rule in words, for error messages.</summary>
    public static string Describe(SecurityGroupRule r)
    {
        var peer = r.PeerGroupId.Length > 0 ? "group " + r.PeerGroupId : r.PeerCidr;
        var side = r.Direction == "ingress" ? "from" : "to";
        return $"{r.Direction} rule {r.IpProtocol} {r.PortRange} {side} {peer} ({r.Policy}, priority {r.Priority})";
    }
}
