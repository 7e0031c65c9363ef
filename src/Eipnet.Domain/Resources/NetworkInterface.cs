namespace Eipnet.Domain.Resources;

/// <summary>An elastic network interface: a MAC, a primary and secondary private IPs from its vSwitch, 1-5 security groups.</summary>
/// <remarks>InstanceId is set while attached (and while Attaching/Detaching); DeviceIndex is 0 for the primary ENI.</remarks>
public sealed record NetworkInterface(
    string NetworkInterfaceId,
    string AccountId,
    string RegionId,
    string ZoneId,
    string VpcId,
    string VSwitchId,
    EniType Type,
    EniStatus Status,
    string? InstanceId,
    int DeviceIndex,
    string MacAddress,
    string PrimaryIpAddress,
    IReadOnlyList<string> SecondaryIpAddresses,
    IReadOnlyList<string> SecurityGroupIds,
    string NetworkInterfaceName,
    string Description,
    bool DeleteOnRelease,
    DateTimeOffset CreationTime,
    long Revision)
{
    /// <summary>Alibaba's bounds on security groups per ENI.</summary>
    public const int MinSecurityGroups = 1, MaxSecurityGroups = 5;

    /// <summary>All private addresses, primary first.</summary>
    public IEnumerable<string> PrivateIpAddresses => SecondaryIpAddresses.Prepend(PrimaryIpAddress);

    public int PrivateIpCount => 1 + SecondaryIpAddresses.Count;

    public bool HasPrivateIp(string ip) => PrimaryIpAddress == ip || SecondaryIpAddresses.Contains(ip);

    /// <summary>The ENI's tags, in the order they were first set.</summary>
    public IReadOnlyList<ResourceTag> Tags { get; init; } = [];

    /// <summary>The resource group the ENI was created in; empty when none was given.</summary>
    public string ResourceGroupId { get; init; } = "";

    /// <summary>The SourceDestCheck flag as the caller set it (false unless set).</summary>
    /// <remarks>Eipnet's data plane checks sources whatever the flag says (SPEC: an instance cannot send from an address
    /// that is not its own); the flag is kept so that a client reads back what it wrote.</remarks>
    public bool SourceDestCheck { get; init; }
}
