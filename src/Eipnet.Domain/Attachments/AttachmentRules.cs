using Eipnet.Domain.Catalog;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Resources;

namespace Eipnet.Domain.Attachments;

/// <summary>Which ENI may go onto which instance, and how many private IPs an ENI may hold (alibaba-api.md §2.3-2.5, §4.4-4.5, SPEC).</summary>
/// <remarks>Checks run in a fixed order (ENI type, ENI state, instance state, placement, counts) so the error a caller sees does
/// not depend on how many rules it breaks at once.</remarks>
public static class AttachmentRules
{
    /// <summary>Secondary private IPs an unattached ENI may hold (GOE usage note; the reference's open question §8.7).</summary>
    public const int MaxSecondaryIpsWhenAvailable = 49;

    /// <summary>The first rule that attaching <paramref name="eni"/> to <paramref name="instance"/> breaks, or null.</summary>
    /// <remarks><paramref name="onInstance"/> is every ENI whose InstanceId is the instance (primary, attached, attaching, detaching).</remarks>
    public static EipError? CheckAttach(NetworkInterface eni, Instance instance, InstanceTypeSpec type, IReadOnlyList<NetworkInterface> onInstance)
    {
        if (eni.Type != EniType.Secondary)
            return EcsErrors.PrimaryEniNotAllowed(eni.NetworkInterfaceId);
        if (eni.Status != EniStatus.Available)
            return EcsErrors.InvalidEniState(eni.NetworkInterfaceId, eni.Status.ToString(), "Available (detach it from its instance first)");
        if (InstanceStateError(instance, type) is { } stateError)
            return stateError;
        if (eni.VpcId != instance.VpcId)
            return EcsErrors.VpcMismatch(eni.NetworkInterfaceId, instance.InstanceId);
        if (eni.ZoneId != instance.ZoneId)
            return EcsErrors.ZoneMismatch(eni.NetworkInterfaceId, instance.InstanceId);
        if (onInstance.Count + 1 > type.EniQuantity)
            return EcsErrors.EniPerInstanceLimitExceeded(instance.InstanceId, type.InstanceTypeId, type.EniQuantity);
        // SPEC: an ENI with more private IPs than the target type allows per ENI is rejected, not trimmed.
        if (eni.PrivateIpCount > type.EniPrivateIpAddressQuantity)
            return EcsErrors.Ipv4CountExceeded(eni.NetworkInterfaceId, eni.PrivateIpCount, type.EniPrivateIpAddressQuantity, $"instance type {type.InstanceTypeId}");
        return null;
    }

    /// <summary>The first rule that detaching <paramref name="eni"/> from <paramref name="instance"/> breaks, or null.</summary>
    public static EipError? CheckDetach(NetworkInterface eni, Instance instance, InstanceTypeSpec type)
    {
        if (eni.Type == EniType.Primary)
            return EcsErrors.DetachPrimaryEniNotAllowed(eni.NetworkInterfaceId);
        if (eni.Status != EniStatus.InUse || eni.InstanceId != instance.InstanceId)
            return EcsErrors.InvalidEniState(eni.NetworkInterfaceId, eni.InstanceId is null ? eni.Status.ToString() : $"{eni.Status} on {eni.InstanceId}",
                $"InUse on {instance.InstanceId}");
        return InstanceStateError(instance, type);
    }

    /// <summary>The lowest device index from 1 that no ENI on the instance uses (0 is the primary ENI's).</summary>
    public static int NextDeviceIndex(IEnumerable<NetworkInterface> onInstance)
    {
        var used = onInstance.Select(n => n.DeviceIndex).ToHashSet();
        var index = 1;
        while (used.Contains(index))
            index++;
        return index;
    }

    /// <summary>The most private IPs (primary included) an ENI may hold: its instance type's limit while it is on an
    /// instance (<paramref name="attachedTo"/>), else one primary plus <see cref="MaxSecondaryIpsWhenAvailable"/>.</summary>
    public static (int Limit, string Where) PrivateIpLimit(InstanceTypeSpec? attachedTo) =>
        attachedTo is null
            ? (1 + MaxSecondaryIpsWhenAvailable, "an unattached network interface")
            : (attachedTo.EniPrivateIpAddressQuantity, $"instance type {attachedTo.InstanceTypeId}");

    private static EipError? InstanceStateError(Instance instance, InstanceTypeSpec type)
    {
        if (type.AttachRequiresStopped && instance.Status != InstanceStatus.Stopped)
            return EcsErrors.InvalidEcsState(instance.InstanceId, instance.Status.ToString(), $"Stopped (type {type.InstanceTypeId} changes network interfaces only while stopped)");
        if (instance.Status is not (InstanceStatus.Running or InstanceStatus.Stopped))
            return EcsErrors.InvalidEcsState(instance.InstanceId, instance.Status.ToString(), "Running or Stopped");
        return null;
    }
}
