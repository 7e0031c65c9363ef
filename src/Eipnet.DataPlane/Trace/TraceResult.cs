namespace Eipnet.DataPlane.Trace;

/// <summary>What happens to a packet: its steps, the verdict ("delivered" or "dropped"), and what decided it: the EIP and
/// mode that matched, the ENI and instance reached, the security group rule (by id) that decided, and warnings.</summary>
public sealed record TraceResult(
    TracePacket Packet,
    string Verdict,
    IReadOnlyList<TraceStep> Steps,
    IReadOnlyList<string> Warnings,
    string? EipAddress,
    string? Mode,
    string? NetworkInterfaceId,
    string? InstanceId,
    string? SecurityGroupRuleId)
{
    public const string Delivered = "delivered", Dropped = "dropped";

    public bool IsDelivered => Verdict == Delivered;
}
