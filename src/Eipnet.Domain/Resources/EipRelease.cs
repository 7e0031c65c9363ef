using Eipnet.Domain.Errors;

namespace Eipnet.Domain.Resources;

/// <summary>When an EIP may be released, and when its deletion protection may change.</summary>
public static class EipRelease
{
    /// <summary>An EIP is released only while Available, pay-as-you-go and not protected (alibaba-api.md, ReleaseEipAddress).</summary>
    public static EipError? Check(Eip eip) => eip switch
    {
        { Status: not EipStatus.Available } => EipError.IncorrectEipStatus(eip.AllocationId, eip.Status.ToString(), "Available (unassociate it first)"),
        { InstanceChargeType: "PrePaid" } => new("Forbidden.ChargeTypeIsPrepaid", $"The EIP {eip.AllocationId} is a subscription EIP; it cannot be released through the API.", 400),
        { DeletionProtection: true } => new("InvalidOperation.DeletionProtection", $"The EIP {eip.AllocationId} has deletion protection on; turn it off first (DeletionProtection with ProtectionEnable=false).", 400),
        _ => null,
    };

    /// <summary>Deletion protection is for pay-as-you-go EIPs, and changes only while the EIP is Available or InUse.</summary>
    /// <remarks>Setting the value it already has succeeds: a retried call (Terraform retries) changes nothing.</remarks>
    public static EipError? CheckProtectionChange(Eip eip) => eip switch
    {
        { InstanceChargeType: "PrePaid" } => new("DeletionProtection.PrePaidNotSupport", $"The EIP {eip.AllocationId} is a subscription EIP; deletion protection is for pay-as-you-go EIPs.", 400),
        _ when Transitions.IsTransitional(eip.Status) => EipError.IncorrectEipStatus(eip.AllocationId, eip.Status.ToString(), "Available or InUse"),
        _ => null,
    };
}
