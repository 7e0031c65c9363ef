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
    long Revision);
