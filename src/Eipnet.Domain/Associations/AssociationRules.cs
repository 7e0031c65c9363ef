using Eipnet.Domain.Errors;
using Eipnet.Domain.Resources;

namespace Eipnet.Domain.Associations;

/// <summary>The seed's association table as one pure decision: may this EIP go onto this ENI in this mode, and on which private IP.</summary>
public static class AssociationRules
{
    /// <summary>Returns the private IP the EIP maps to, or the first rule the request breaks.</summary>
    /// <remarks>Checks run in a fixed order (state, region, who, ENI type, ENI state, mode mix, count) so the error a caller
    /// sees does not depend on how many rules it breaks at once.</remarks>
    public static (string? PrivateIp, EipError? Error) Check(AssociationRequest r)
    {
        var eni = r.Eni;
        var mode = r.Mode.ToWire();
        if (r.Eip.Status != EipStatus.Available)
            return Fail(EipError.IncorrectEipStatus(r.Eip.AllocationId, r.Eip.Status.ToString(), "Available"));
        if (r.Eip.RegionId != eni.RegionId)
            return Fail(EipError.RegionMismatch("network interface"));

        // Regions and who may use it: the seed's two region lists and the preview allowlist.
        if (r.Mode == AssociationMode.Binded && !r.Region.CutThroughSupported)
            return Fail(EipError.ModeNotSupportedInRegion(mode, r.Region.RegionId));
        if (r.Mode == AssociationMode.MultiBinded && !r.Region.MultiEipSupported)
            return Fail(EipError.ModeNotSupportedInRegion(mode, r.Region.RegionId));
        if (r.Mode == AssociationMode.MultiBinded && !r.Account.MultiEipAllowed)
            return Fail(EipError.MultiBindedModeNotAllowed());

        // ENI types: cut-through and multi-EIP need a secondary ENI that is not attached.
        if (r.Mode != AssociationMode.Nat && eni.Type == EniType.Primary)
            return Fail(EipError.InvalidEniTypeForMode(eni.NetworkInterfaceId, mode));
        if (eni.Status is EniStatus.Attaching or EniStatus.Detaching)
            return Fail(EipError.EniTransitional(eni.NetworkInterfaceId, eni.Status.ToString()));
        if (r.Mode != AssociationMode.Nat && eni.Status != EniStatus.Available)
            return Fail(EipError.EniStatusNotSupport(eni.NetworkInterfaceId, eni.Status.ToString(), mode));

        // All EIPs on one ENI share one mode.
        var other = r.OnEni.FirstOrDefault(e => e.Association!.Mode != r.Mode);
        if (other is not null)
            return Fail(EipError.ModeConflict(eni.NetworkInterfaceId, other.Association!.Mode.ToWire(), mode));

        var privateIp = r.RequestedPrivateIp ?? eni.PrimaryIpAddress;
        if (!eni.HasPrivateIp(privateIp))
            return Fail(EipError.PrivateIpNotOnEni(privateIp, eni.NetworkInterfaceId));

        return r.Mode switch
        {
            AssociationMode.Nat when eni.Type == EniType.Primary && r.OnEni.Count > 0 =>
                Fail(EipError.AssociationDuplicated($"The primary ENI {eni.NetworkInterfaceId} already has an EIP; a primary ENI takes at most one.")),
            AssociationMode.Nat when r.OnEni.Any(e => e.Association!.PrivateIpAddress == privateIp) =>
                Fail(EipError.AssociationDuplicated($"The private IP {privateIp} of ENI {eni.NetworkInterfaceId} already has an EIP; in NAT mode each EIP maps to its own private IP.")),
            AssociationMode.Binded when r.OnEni.Count > 0 =>
                Fail(EipError.AssociationDuplicated($"The ENI {eni.NetworkInterfaceId} already has an EIP in cut-through mode; it takes exactly one.")),
            AssociationMode.Binded when privateIp != eni.PrimaryIpAddress =>
                Fail(EipError.InvalidParameter("PrivateIpAddress", $"in cut-through mode the EIP maps to the ENI's primary private IP {eni.PrimaryIpAddress}.")),
            AssociationMode.MultiBinded when r.OnEni.Count >= r.Account.EipsPerEniQuota =>
                Fail(EipError.EipsPerEniExceeded(eni.NetworkInterfaceId, r.Account.EipsPerEniQuota)),
            _ => (privateIp, null),
        };
    }

    private static (string?, EipError?) Fail(EipError error) => (null, error);
}
