using Eipnet.Api.Rpc;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Ids;
using Eipnet.Domain.Resources;
using Eipnet.Domain.SecurityGroups;

namespace Eipnet.Api.SecurityGroups;

/// <summary>Reads the rules of an Authorize/Revoke call: Permissions.N.* (N 1-100) and the legacy flat form, which adds one more.</summary>
/// <remarks>Every rule gets a fresh id and the call's time; Revoke only compares their content. The remote side is SourceCidrIp or
/// SourceGroupId for ingress, DestCidrIp or DestGroupId for egress; when both are given the CIDR wins, as on Alibaba.</remarks>
internal static class PermissionReader
{
    public const int MaxPermissions = 100;

    private static readonly string[] FlatFields = ["IpProtocol", "PortRange", "SourceCidrIp", "SourceGroupId", "DestCidrIp", "DestGroupId"];

    // Fields that narrow a rule by something Eipnet does not model; accepting and dropping them would widen the rule.
    private static readonly (string Field, string Why)[] Unsupported =
    [
        ("Ipv6SourceCidrIp", "Eipnet has no IPv6."),
        ("Ipv6DestCidrIp", "Eipnet has no IPv6."),
        ("SourcePortRange", "rules match destination ports only."),
        ("SourcePrefixListId", "Eipnet has no prefix lists."),
        ("DestPrefixListId", "Eipnet has no prefix lists."),
        ("PortRangeListId", "Eipnet has no port lists."),
    ];

    /// <summary>The rules of the call; when there are none, MissingParameter naming <paramref name="missing"/> (null: none is fine).</summary>
    public static IReadOnlyList<SecurityGroupRule> Read(RpcContext ctx, string direction, string? missing)
    {
        var rules = new List<SecurityGroupRule>();
        var permissions = ctx.ObjectList("Permissions", MaxPermissions);
        for (var i = 0; i < permissions.Count; i++)
            rules.Add(ReadOne(permissions[i], $"Permissions.{i + 1}.", direction, ctx.Now));
        if (FlatFields.Any(f => Value(ctx.Parameters, f) is not null))
            rules.Add(ReadOne(ctx.Parameters, "", direction, ctx.Now));
        if (rules.Count == 0 && missing is not null)
            throw new EipException(EipError.MissingParameter(missing));
        return rules;
    }

    private static SecurityGroupRule ReadOne(IReadOnlyDictionary<string, string> fields, string prefix, string direction, DateTimeOffset now)
    {
        string? Get(string name)
        {
            var value = Value(fields, name);
            return value is { Length: > 512 } ? throw RpcContext.Invalid(prefix + name, "it is longer than 512 characters.") : value;
        }

        var protocol = Checked(RuleValues.Protocol(prefix + "IpProtocol", Get("IpProtocol") ?? throw new EipException(EipError.MissingParameter(prefix + "IpProtocol"))));
        var portRange = Checked(RuleValues.PortRange(prefix + "PortRange", Get("PortRange"), protocol));

        var ingress = direction == "ingress";
        var (cidrField, groupField, localField) = ingress ? ("SourceCidrIp", "SourceGroupId", "DestCidrIp") : ("DestCidrIp", "DestGroupId", "SourceCidrIp");
        if (Get(localField) is not null)
            throw RpcContext.Invalid(prefix + localField, $"Eipnet does not filter {(ingress ? "ingress" : "egress")} rules by the local address; leave it out.");
        foreach (var (field, why) in Unsupported)
        {
            if (Get(field) is not null)
                throw RpcContext.Invalid(prefix + field, why);
        }
        var cidr = Get(cidrField);
        var group = cidr is null ? Get(groupField) : null;
        if (cidr is not null && RuleValues.Cidr(ingress ? "InvalidSourceCidrIp.Malformed" : "InvalidDestCidrIp.Malformed", prefix + cidrField, cidr) is { } cidrError)
            throw new EipException(cidrError);
        if (cidr is null && group is null)
            throw new EipException(ingress ? SecurityGroupErrors.MissingSource(prefix) : SecurityGroupErrors.MissingDest(prefix));

        var nicType = Get("NicType");
        if (nicType is not null && !nicType.Equals("intranet", StringComparison.OrdinalIgnoreCase))
            throw RpcContext.Invalid(prefix + "NicType", "Eipnet security groups belong to VPCs, whose rules are intranet rules.");
        var policy = Checked(RuleValues.Policy(prefix + "Policy", Get("Policy")));
        var (priority, priorityError) = RuleValues.Priority(prefix + "Priority", Get("Priority"));
        if (priorityError is not null)
            throw new EipException(priorityError);
        var description = Get("Description");
        if (description is not null && !SecurityGroupLifecycle.IsValidText(description, 1, 512))
            throw new EipException(SecurityGroupErrors.DescriptionMalformed(prefix + "Description", 1, 512));

        return new SecurityGroupRule(ResourceIds.New(ResourceIds.SecurityGroupRule), direction, protocol, portRange,
            cidr ?? "", group ?? "", policy, priority, description ?? "", now);
    }

    /// <summary>A field's value; empty counts as absent, as everywhere in the API.</summary>
    private static string? Value(IReadOnlyDictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    private static string Checked((string? Value, EipError? Error) result) =>
        result.Error is null ? result.Value! : throw new EipException(result.Error);
}
