using Eipnet.Domain.Errors;
using Eipnet.Domain.Resources;

namespace Eipnet.Domain.SecurityGroups;

/// <summary>Which security groups a network interface may join or leave (alibaba-api.md §2.9 and §4.4: 1-5 groups of its own VPC).</summary>
/// <remarks>TargetId is what the caller named (the instance or the ENI), so the error speaks of it. Checks run in a fixed
/// order: ENI state, VPC, membership, count.</remarks>
public static class MembershipRules
{
    /// <summary>The ENI with the group added, or the first rule the request breaks.</summary>
    public static (NetworkInterface? Eni, EipError? Error) Join(NetworkInterface eni, SecurityGroup group, string targetId, bool viaInstance)
    {
        if (Transitions.IsTransitional(eni.Status))
            return (null, SecurityGroupErrors.EniTransitional(eni.NetworkInterfaceId, eni.Status.ToString()));
        if (eni.VpcId != group.VpcId)
            return (null, viaInstance
                ? SecurityGroupErrors.InstanceVpcMismatch(group.SecurityGroupId, targetId)
                : SecurityGroupErrors.EniVpcMismatch(group.SecurityGroupId, targetId));
        if (eni.SecurityGroupIds.Contains(group.SecurityGroupId))
            return (null, SecurityGroupErrors.AlreadyJoined(targetId, group.SecurityGroupId));
        if (eni.SecurityGroupIds.Count >= NetworkInterface.MaxSecurityGroups)
            return (null, SecurityGroupErrors.GroupLimitExceeded(targetId, NetworkInterface.MaxSecurityGroups));
        return (eni with { SecurityGroupIds = [.. eni.SecurityGroupIds, group.SecurityGroupId] }, null);
    }

    /// <summary>The ENI without the group, or the first rule the request breaks.</summary>
    public static (NetworkInterface? Eni, EipError? Error) Leave(NetworkInterface eni, SecurityGroup group, string targetId)
    {
        if (Transitions.IsTransitional(eni.Status))
            return (null, SecurityGroupErrors.EniTransitional(eni.NetworkInterfaceId, eni.Status.ToString()));
        if (!eni.SecurityGroupIds.Contains(group.SecurityGroupId))
            return (null, SecurityGroupErrors.NotInGroup(targetId, group.SecurityGroupId));
        if (eni.SecurityGroupIds.Count <= NetworkInterface.MinSecurityGroups)
            return (null, SecurityGroupErrors.LastGroup(targetId, group.SecurityGroupId));
        return (eni with { SecurityGroupIds = eni.SecurityGroupIds.Where(id => id != group.SecurityGroupId).ToList() }, null);
    }
}
