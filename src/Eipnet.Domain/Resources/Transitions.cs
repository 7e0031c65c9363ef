using Eipnet.Domain.Associations;

namespace Eipnet.Domain.Resources;

/// <summary>What a transitional resource becomes once the data plane has applied its revision.</summary>
public static class Transitions
{
    public static Eip Complete(Eip eip) => eip.Status switch
    {
        EipStatus.Associating => eip with { Status = EipStatus.InUse },
        EipStatus.Unassociating => eip with { Status = EipStatus.Available, Association = null },
        _ => eip,
    };

    public static NetworkInterface Complete(NetworkInterface eni) => eni.Status switch
    {
        EniStatus.Attaching => eni with { Status = EniStatus.InUse },
        EniStatus.Detaching => eni with { Status = EniStatus.Available, InstanceId = null, DeviceIndex = 0 },
        _ => eni,
    };

    public static Instance Complete(Instance instance, DateTimeOffset now) => instance.Status switch
    {
        InstanceStatus.Pending or InstanceStatus.Starting => instance with { Status = InstanceStatus.Running, StartTime = now },
        InstanceStatus.Stopping => instance with { Status = InstanceStatus.Stopped },
        _ => instance,
    };

    public static bool IsTransitional(EipStatus s) => s is EipStatus.Associating or EipStatus.Unassociating;

    public static bool IsTransitional(EniStatus s) => s is EniStatus.Attaching or EniStatus.Detaching;

    public static bool IsTransitional(InstanceStatus s) => s is InstanceStatus.Pending or InstanceStatus.Starting or InstanceStatus.Stopping;

    /// <summary>The EIP as it is while its association is being taken down.</summary>
    public static Eip BeginUnassociate(Eip eip, long revision) =>
        eip with { Status = EipStatus.Unassociating, Revision = revision };

    /// <summary>The EIP as it is while a new association is being applied.</summary>
    public static Eip BeginAssociate(Eip eip, Association association, long revision) =>
        eip with { Status = EipStatus.Associating, Association = association, Revision = revision };
}
