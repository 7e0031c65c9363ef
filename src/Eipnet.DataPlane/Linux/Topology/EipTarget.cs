using Eipnet.Domain.Associations;

namespace Eipnet.DataPlane.Linux.Topology;

/// <summary>Where traffic to an active EIP goes: the ENI, the private IP (NAT) and the namespace the ENI is in.</summary>
/// <remarks>When any of these changes, flows opened towards the old target must be forgotten (conntrack).</remarks>
public sealed record EipTarget(string EipAddress, string EniId, string PrivateIpAddress, AssociationMode Mode, string? Namespace)
{
    /// <summary>The EIP's allocation id, so a change to a released EIP (which names only its id) finds its old target.</summary>
    public string AllocationId { get; init; } = "";

    /// <summary>The router namespace of the ENI's VPC, where the EIP's flows are tracked.</summary>
    public string Router { get; init; } = "";

    /// <summary>The router's device towards the ENI: its host end, or with several hosts the overlay device to the ENI's host.</summary>
    public string Device { get; init; } = "";
}
