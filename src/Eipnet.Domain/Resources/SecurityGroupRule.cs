namespace Eipnet.Domain.Resources;

/// <summary>One rule of a security group.</summary>
/// <remarks>Direction is "ingress" or "egress"; IpProtocol is upper case (TCP, UDP, ICMP, GRE, ALL); PortRange is "start/end"
/// (-1/-1 for protocols without ports); Policy is "accept" or "drop"; Priority 1-100, smaller wins. Peer is the remote side:
/// PeerCidr for a CIDR, PeerGroupId for another group (one of them is set).</remarks>
public sealed record SecurityGroupRule(
    string SecurityGroupRuleId,
    string Direction,
    string IpProtocol,
    string PortRange,
    string PeerCidr,
    string PeerGroupId,
    string Policy,
    int Priority,
    string Description,
    DateTimeOffset CreateTime)
{
    /// <summary>True when both rules match the same traffic with the same verdict (Alibaba refuses such duplicates silently).</summary>
    public bool SameMatch(SecurityGroupRule other) =>
        Direction == other.Direction && IpProtocol == other.IpProtocol && PortRange == other.PortRange
        && PeerCidr == other.PeerCidr && PeerGroupId == other.PeerGroupId && Policy == other.Policy && Priority == other.Priority;
}
