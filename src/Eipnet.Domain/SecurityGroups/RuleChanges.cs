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
    /// <remarks>A rule named by id must be in the group: when one is not, nothing is removed and the error names it. A rule
    /// given by content that the group does not have is already revoked: nothing to do (Terraform's destroy of a rule
    /// retries every other answer, and revoking twice must be harmless).</remarks>
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
            if (group.Rules.FirstOrDefault(r => r.SameMatch(wanted)) is { } rule)
                remove.Add(rule.SecurityGroupRuleId);
        }
        return (group.Rules.Where(r => !remove.Contains(r.SecurityGroupRuleId)).ToList(), null);
    }

    /// <summary>The group's rules with a new Description on one rule of <paramref name="direction"/>, named by id or by what it
    /// matches; null <paramref name="description"/> keeps it.</summary>
    /// <remarks>Only the description changes: what a rule matches is changed by revoking and authorizing, so the data plane
    /// never sees a rule change under the same id.</remarks>
    public static (IReadOnlyList<SecurityGroupRule> Rules, EipError? Error) Describe(
        SecurityGroup group, string direction, string? ruleId, SecurityGroupRule? matching, string? description)
    {
        var rule = ruleId is not null
            ? group.Rules.FirstOrDefault(r => r.SecurityGroupRuleId == ruleId && r.Direction == direction)
            : group.Rules.FirstOrDefault(r => r.SameMatch(matching!));
        if (rule is null)
            return (group.Rules, SecurityGroupErrors.RuleNotFound(group.SecurityGroupId, ruleId is not null ? $"{direction} rule {ruleId}" : Describe(matching!)));
        return (group.Rules.Select(r => r == rule ? r with { Description = description ?? r.Description } : r).ToList(), null);
    }

    /// <summary>A rule in words, for error messages.</summary>
    public static string Describe(SecurityGroupRule r)
    {
        var peer = r.PeerGroupId.Length > 0 ? "group " + r.PeerGroupId : r.PeerCidr;
        var side = r.Direction == "ingress" ? "from" : "to";
        return $"{r.Direction} rule {r.IpProtocol} {r.PortRange} {side} {peer} ({r.Policy}, priority {r.Priority})";
    }
}
