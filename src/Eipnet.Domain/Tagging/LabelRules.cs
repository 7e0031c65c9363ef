using Eipnet.Domain.Errors;
using Eipnet.Domain.Resources;

namespace Eipnet.Domain.Tagging;

/// <summary>When a resource's labels (tags, resource group) may change.</summary>
public static class LabelRules
{
    /// <summary>An EIP's labels change only while it is Available or InUse.</summary>
    /// <remarks>Spec, EIP states: while transitional only Describe calls may touch the EIP. It also keeps the
    /// reconciler's completion of the transition, which rewrites the EIP, from undoing the change.</remarks>
    public static EipError? CheckEip(Eip eip) =>
        Transitions.IsTransitional(eip.Status) ? EipError.IncorrectEipStatus(eip.AllocationId, eip.Status.ToString(), "Available or InUse") : null;

    /// <summary>An ENI's tags change only while it is Available or InUse, for the same reason: the completion of an attach
    /// or detach rewrites the ENI.</summary>
    public static EipError? CheckEni(NetworkInterface eni) =>
        Transitions.IsTransitional(eni.Status) ? EcsErrors.InvalidEniState(eni.NetworkInterfaceId, eni.Status.ToString(), "Available or InUse") : null;
}
