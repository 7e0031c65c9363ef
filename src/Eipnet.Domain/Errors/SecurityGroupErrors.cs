namespace Eipnet.Domain.Errors;

/// <summary>The security group failures, spelled as Alibaba's ECS API spells them (alibaba-api.md §2.9).</summary>
/// <remarks>Validation errors are 400, limits and state conflicts 403, unknown resources 404.</remarks>
public static class SecurityGroupErrors
{
    public static EipError VpcRequired() =>
        new("MissingParameter", "The input parameter \"VpcId\" that is mandatory for processing this request is not supplied. Eipnet has no classic network: every security group belongs to a VPC.", 400);

    public static EipError NameMalformed(string name) =>
        new("InvalidSecurityGroupName.Malformed", $"The SecurityGroupName \"{name}\" is not valid: it must be 2 to 128 characters long, start with a letter, not start with http:// or https://, and contain only letters, digits, colons, underscores, periods and hyphens.", 400);

    public static EipError DescriptionMalformed(string field, int minLength, int maxLength) =>
        new("InvalidDescription.Malformed", $"The {field} is not valid: it must be {minLength} to {maxLength} characters long and not start with http:// or https://.", 400);

    public static EipError QuotaExceeded(string regionId, int quota) =>
        new("QuotaExceed.SecurityGroup", $"The account already has {quota} security groups in {regionId}, the quota. Delete unused security groups first.", 403);

    public static EipError InUse(string groupId) =>
        new("DependencyViolation", $"There is still instance(s) in the specified security group. Remove every network interface from {groupId} (LeaveSecurityGroup) first.", 403);

    public static EipError Referenced(string groupId, string byGroupId) =>
        new("DependencyViolation", $"The security group {groupId} is referenced by a rule of security group {byGroupId}. Revoke that rule first.", 403);

    public static EipError IpProtocolNotSupported(string field, string value) =>
        new("InvalidIpProtocol.ValueNotSupported", $"The {field} \"{value}\" is not supported; use TCP, UDP, ICMP, GRE or ALL.", 400);

    public static EipError PortRangeMalformed(string field, string value, string protocol) =>
        new("InvalidIpPortRange.Malformed", protocol is "TCP" or "UDP"
            ? $"The {field} \"{value}\" is not valid for {protocol}: use start/end with 1 <= start <= end <= 65535, e.g. 22/22."
            : $"The {field} \"{value}\" is not valid for {protocol}: protocols without ports take -1/-1.", 400);

    public static EipError CidrMalformed(string code, string field, string value) =>
        new(code, $"The {field} \"{value}\" is not an IPv4 address or CIDR block such as 10.0.0.0/8 (no host bits set).", 400);

    public static EipError MissingSource(string prefix) =>
        new("MissingParameter.Source", $"A source is required: give {prefix}SourceCidrIp or {prefix}SourceGroupId.", 400);

    public static EipError MissingDest(string prefix) =>
        new("MissingParameter.Dest", $"A destination is required: give {prefix}DestCidrIp or {prefix}DestGroupId.", 400);

    public static EipError PolicyMalformed(string field, string value) =>
        new("InvalidPolicy.Malformed", $"The {field} \"{value}\" is not valid; use accept or drop.", 400);

    public static EipError PriorityNotSupported(string field, string value) =>
        new("InvalidPriority.ValueNotSupported", $"The {field} \"{value}\" is not valid; use an integer from 1 to 100 (smaller wins).", 400);

    public static EipError RuleLimitExceeded(string groupId, int max) =>
        new("AuthorizationLimitExceed", $"The security group {groupId} would have more than {max} rules, the limit per group. Revoke unused rules or use another group.", 403);

    public static EipError RuleNotFound(string groupId, string what) =>
        new("InvalidGroupAuthItem.NotFound", $"The security group {groupId} has no {what}.", 403);

    public static EipError EniVpcMismatch(string groupId, string eniId) =>
        new("InvalidOperation.VpcMismatch", $"The security group {groupId} and the network interface {eniId} are in different VPCs; a network interface joins groups of its own VPC only.", 403);

    public static EipError InstanceVpcMismatch(string groupId, string instanceId) =>
        new("InvalidParameter.Mismatch", $"The security group {groupId} and the instance {instanceId} are in different VPCs; an instance joins groups of its own VPC only.", 400);

    public static EipError AlreadyJoined(string targetId, string groupId) =>
        new("InvalidInstanceId.AlreadyExists", $"{targetId} is already in the security group {groupId}.", 403);

    public static EipError GroupLimitExceeded(string targetId, int max) =>
        new("InstanceSecurityGroupLimitExceeded", $"{targetId} is already in {max} security groups, the limit. Leave one first.", 403);

    public static EipError NotInGroup(string targetId, string groupId) =>
        new("InstanceNotInSecurityGroup", $"{targetId} is not in the security group {groupId}.", 403);

    public static EipError LastGroup(string targetId, string groupId) =>
        new("InstanceLastSecurityGroup", $"The security group {groupId} is the last one of {targetId}; a network interface is always in at least one group. Join another group first.", 403);

    public static EipError EniTransitional(string eniId, string status) =>
        new("InvalidOperation.InvalidEniState", $"The network interface {eniId} is {status}; wait until it is Available or InUse.", 400);
}
