using Eipnet.Domain.Catalog;
using Eipnet.Domain.Errors;

namespace Eipnet.Domain.Resources;

/// <summary>The instance changes Alibaba makes only while an instance is Stopped: a new instance type (ModifyInstanceSpec),
/// a new system disk image (ReplaceSystemDisk) and a new vSwitch, private IP or VPC (ModifyInstanceVpcAttribute).</summary>
/// <remarks>Checks run in a fixed order (state, placement, what the instance carries) so the error a caller sees does not
/// depend on how many rules it breaks at once.</remarks>
public static class OfflineChangeRules
{
    /// <summary>The instance must be Stopped; <paramref name="what"/> names the change in the message.</summary>
    public static EipError? CheckStopped(Instance instance, string what) => instance.Status == InstanceStatus.Stopped
        ? null
        : EcsErrors.IncorrectInstanceStatus(instance.InstanceId, instance.Status.ToString(), $"Stopped (stop it first: {what} changes only while it is stopped)");

    /// <summary>A new instance type: the instance Stopped, and every ENI on it (primary included) within the new type's ENI
    /// count and private IPs per ENI (SPEC: limits are rejected, never trimmed).</summary>
    /// <remarks><paramref name="onInstance"/> is every ENI whose InstanceId is the instance.</remarks>
    public static EipError? CheckSpec(Instance instance, InstanceTypeSpec type, IReadOnlyList<NetworkInterface> onInstance)
    {
        if (CheckStopped(instance, "the instance type") is { } stopped)
            return stopped;
        if (onInstance.Count > type.EniQuantity)
            return EcsErrors.SpecEniCountExceeded(instance.InstanceId, onInstance.Count, type.InstanceTypeId, type.EniQuantity);
        return onInstance.FirstOrDefault(n => n.PrivateIpCount > type.EniPrivateIpAddressQuantity) is { } crowded
            ? EcsErrors.Ipv4CountExceeded(crowded.NetworkInterfaceId, crowded.PrivateIpCount, type.EniPrivateIpAddressQuantity, $"instance type {type.InstanceTypeId}")
            : null;
    }

    /// <summary>A new vSwitch (and private IP, and possibly VPC) for the instance's primary ENI (ModifyInstanceVpcAttribute).</summary>
    /// <remarks>Alibaba's rules: Stopped; the vSwitch in the same zone and, unless a VPC change is asked for, the same VPC; a
    /// VPC change only for an instance without secondary ENIs whose primary ENI has one private IP. A vSwitch change moves
    /// every address of the primary ENI, so secondary private IPs on it must be unassigned first.
    /// <paramref name="onInstance"/> is every ENI whose InstanceId is the instance.</remarks>
    public static EipError? CheckVpcMove(Instance instance, NetworkInterface primary, VSwitch target, string? vpcId, IReadOnlyList<NetworkInterface> onInstance)
    {
        if (CheckStopped(instance, "the vSwitch, private IP or VPC") is { } stopped)
            return stopped;
        var newVpc = vpcId ?? instance.VpcId;
        if (target.VpcId != newVpc)
            return EcsErrors.VSwitchNotInVpc(target.VSwitchId, newVpc);
        if (target.ZoneId != instance.ZoneId)
            return EcsErrors.VSwitchZoneMismatch(target.VSwitchId, target.ZoneId, instance.InstanceId, instance.ZoneId);
        if (newVpc != instance.VpcId && onInstance.Any(n => n.NetworkInterfaceId != primary.NetworkInterfaceId))
            return EcsErrors.SecondaryEniAttached(instance.InstanceId);
        if (target.VSwitchId != instance.VSwitchId && primary.SecondaryIpAddresses.Count > 0)
            return EcsErrors.PrimaryEniHasSecondaryIps(instance.InstanceId, primary.NetworkInterfaceId, primary.SecondaryIpAddresses.Count);
        return null;
    }
}
