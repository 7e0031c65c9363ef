namespace Eipnet.Contracts.Trace;

/// <summary>TracePacket (an Eipnet action, not Alibaba's): what happens to a packet, step by step, from the current intent.</summary>
public sealed record TracePacketResponse(
    string RequestId,
    string Verdict,
    TraceStepList Steps,
    TraceWarningList Warnings,
    string EipAddress,
    string Mode,
    string NetworkInterfaceId,
    string InstanceId,
    string SecurityGroupRuleId);
