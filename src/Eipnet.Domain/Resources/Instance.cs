namespace Eipnet.Domain.Resources;

/// <summary>An ECS instance: an instance type from the catalog, in one zone and vSwitch, always with a primary ENI.</summary>
/// <remarks>Revision is the store revision of the last change that the data plane must apply.</remarks>
public sealed record Instance(
    string InstanceId,
    string AccountId,
    string RegionId,
    string ZoneId,
    string VpcId,
    string VSwitchId,
    string InstanceType,
    string ImageId,
    string InstanceName,
    string HostName,
    string Description,
    InstanceStatus Status,
    string PrimaryNetworkInterfaceId,
    DateTimeOffset CreationTime,
    DateTimeOffset? StartTime,
    long Revision)
{
    /// <summary>The instance's tags, in the order they were first set.</summary>
    public IReadOnlyList<ResourceTag> Tags { get; init; } = [];

    /// <summary>The resource group the instance is in; empty when none was given.</summary>
    public string ResourceGroupId { get; init; } = "";

    /// <summary>The data-plane host the instance runs on (Eipnet's, not Alibaba's: <see cref="Hosts.Placement"/>); empty when
    /// it was created before any host was registered.</summary>
    public string Host { get; init; } = "";

    /// <summary>The user data exactly as the caller sent it (Base64); empty when none.</summary>
    public string UserData { get; init; } = "";

    /// <summary>True while deletion protection is on: DeleteInstance is refused (<see cref="InstanceRules"/>).</summary>
    public bool DeletionProtection { get; init; }

    /// <summary>The system disk, which exists only as much as clients need to read it back (DescribeDisks).</summary>
    public SystemDisk SystemDisk { get; init; } = SystemDisk.Default;

    /// <summary>How the instance was stopped (KeepCharging or StopCharging, as StopInstance's StoppedMode); empty when
    /// StopInstance named none, which is KeepCharging. Meaningful only while Stopping or Stopped.</summary>
    public string StoppedMode { get; init; } = "";

    /// <summary>The maintenance settings (ModifyInstanceMaintenanceAttributes); Alibaba's defaults until set.</summary>
    public InstanceMaintenance Maintenance { get; init; } = InstanceMaintenance.Default;
}
