namespace Eipnet.Domain.Errors;

/// <summary>The ECS API's rule violations for instances and network interfaces (alibaba-api.md §2.1-2.10, §3.2-3.3).</summary>
/// <remarks>Codes and statuses are Alibaba's; messages say what to do next.</remarks>
public static class EcsErrors
{
    public static EipError DryRunOperation() =>
        new("DryRunOperation", "Request validation has been passed with DryRun flag set.", 400);

    public static EipError Conflict(string first, string second) =>
        new("InvalidParameter.Conflict", $"The parameters \"{first}\" and \"{second}\" cannot be used together; specify exactly one of them.", 400);

    public static EipError Mismatch(string message) => new("InvalidParameter.Mismatch", message, 400);

    public static EipError InstanceTypeNotSupported(string instanceType) =>
        new("InvalidInstanceType.ValueNotSupported", $"The instance type \"{instanceType}\" is not in the catalog. Call DescribeInstanceTypes for the list.", 400);

    /// <summary>No compute host is registered to run an instance (Alibaba's answer when a zone has no capacity left).</summary>
    public static EipError NoStock(string regionId) =>
        new("OperationDenied.NoStock", $"No compute host can run an instance in {regionId} now: every registered host is a gateway only. Register one with `eipnet admin agent add NAME --roles compute`.", 403);

    public static EipError IncorrectInstanceStatus(string instanceId, string status, string need) =>
        new("IncorrectInstanceStatus", $"The instance {instanceId} is {status}; this operation needs it {need}.", 403);

    public static EipError InstanceStatusNotFound(string status) =>
        new("InvalidStatus.NotFound", $"The instance status \"{status}\" does not exist; use Pending, Starting, Running, Stopping or Stopped.", 404);

    public static EipError PrivateIpMalformed(string name, string value) =>
        new("InvalidPrivateIpAddress.Malformed", $"The {name} \"{value}\" is not an IPv4 address such as 192.168.1.10.", 400);

    public static EipError PrivateIpNotInVSwitch(string ip, string vSwitchId, string cidr) =>
        new("InvalidPrivateIpAddress", $"The private IP {ip} cannot be used in vSwitch {vSwitchId} ({cidr}): it is outside the CIDR or reserved (the first two and the last three addresses are).", 400);

    public static EipError PrivateIpDuplicated(string ip) =>
        new("InvalidPrivateIpAddress.Duplicated", $"The private IP {ip} is already in use in its vSwitch. Pick a free address or omit it to get one.", 400);

    public static EipError PrivateIpsExhausted(string vSwitchId, int wanted) =>
        new("QuotaExceeded.PrivateIpAddress", $"The vSwitch {vSwitchId} has fewer than {wanted} free private IP addresses. Use another vSwitch or release addresses.", 400);

    public static EipError IpInvalid(string ip, string vSwitchId, string cidr) =>
        new("InvalidVSwitchId.IpInvalid", $"The private IP {ip} cannot be assigned in vSwitch {vSwitchId} ({cidr}): it is outside the CIDR or reserved.", 403);

    public static EipError IpNotEnough(string vSwitchId) =>
        new("InvalidVSwitchId.IpNotEnough", $"The vSwitch {vSwitchId} has no free private IP address left. Use another vSwitch or release addresses.", 403);

    public static EipError IpRepeated(string ip) =>
        new("InvalidIp.IpRepeated", $"The private IP {ip} is given more than once in the request.", 403);

    public static EipError IpAssigned(string ip) =>
        new("InvalidIp.IpAssigned", $"The private IP {ip} is already assigned to a network interface. Pick a free address or use SecondaryPrivateIpAddressCount.", 403);

    public static EipError IpUnassigned(string ip, string eniId, string why) =>
        new("InvalidIp.IpUnassigned", $"The private IP {ip} cannot be unassigned from {eniId}: {why}", 403);

    public static EipError SecurityGroupVpcMismatch(string securityGroupId, string vpcId) =>
        new("InvalidOperation.VpcMismatch", $"The security group {securityGroupId} is not in the VPC {vpcId}; a network interface only joins groups of its own VPC.", 403);

    public static EipError NetworkInterfaceQuotaExceeded(int quota, string regionId) =>
        new("QuotaExceed.NetworkInterface", $"The account already has {quota} secondary network interfaces in {regionId}, the quota. Delete unused ones first.", 403);

    public static EipError InvalidEniState(string eniId, string status, string need) =>
        new("InvalidOperation.InvalidEniState", $"The network interface {eniId} is {status}; this operation needs it {need}.", 400);

    public static EipError PrimaryEniNotAllowed(string eniId) =>
        new("InvalidOperation.InvalidEniType", $"The network interface {eniId} is a primary ENI; it lives and dies with its instance. Use a secondary ENI.", 403);

    public static EipError InvalidEcsState(string instanceId, string status, string need) =>
        new("InvalidOperation.InvalidEcsState", $"The instance {instanceId} is {status}; this operation needs it {need}.", 400);

    public static EipError VpcMismatch(string eniId, string instanceId) =>
        new("InvalidOperation.VpcMismatch", $"The network interface {eniId} and the instance {instanceId} are in different VPCs.", 403);

    public static EipError ZoneMismatch(string eniId, string instanceId) =>
        new("InvalidOperation.AvailabilityZoneMismatch", $"The network interface {eniId} and the instance {instanceId} are in different zones; create the ENI in a vSwitch of the instance's zone.", 403);

    public static EipError EniPerInstanceLimitExceeded(string instanceId, string instanceType, int limit) =>
        new("EniPerInstanceLimitExceeded", $"The instance {instanceId} ({instanceType}) already has {limit} network interfaces, primary included, the limit of its type. Detach one or use a larger type.", 403);

    public static EipError Ipv4CountExceeded(string eniId, int count, int limit, string where) =>
        new("InvalidOperation.Ipv4CountExceeded", $"The network interface {eniId} would have {count} private IPv4 addresses; {where} allows {limit}. Unassign secondary addresses first.", 403);

    public static EipError DetachPrimaryEniNotAllowed(string eniId) =>
        new("InvalidOperation.DetachPrimaryEniNotAllowed", $"The network interface {eniId} is a primary ENI and cannot be detached.", 400);

    public static EipError SpecEniCountExceeded(string instanceId, int count, string instanceType, int limit) =>
        new("EniPerInstanceLimitExceeded", $"The instance {instanceId} has {count} network interfaces, primary included; instance type {instanceType} allows {limit}. Detach secondary ENIs first or pick a larger type.", 403);

    public static EipError VSwitchNotInVpc(string vSwitchId, string vpcId) =>
        new("InvalidVSwitchId.NotFound", $"The vSwitch {vSwitchId} is not in the VPC {vpcId}. Give a vSwitch of the instance's VPC, or VpcId with a vSwitch of that VPC.", 404);

    public static EipError VSwitchZoneMismatch(string vSwitchId, string vSwitchZone, string instanceId, string instanceZone) =>
        new("InvalidVSwitchId.Mismatch", $"The vSwitch {vSwitchId} is in zone {vSwitchZone} but the instance {instanceId} is in {instanceZone}; an instance keeps its zone, so pick a vSwitch of {instanceZone}.", 400);

    public static EipError PrivateIpMismatch(string ip, string vSwitchId, string cidr) =>
        new("InvalidPrivateIpAddress.Mismatch", $"The private IP {ip} is not an assignable address of the vSwitch {vSwitchId} ({cidr}; the first two and the last three addresses are reserved).", 400);

    public static EipError SecondaryEniAttached(string instanceId) =>
        new("InvalidOperation.SecondaryEniAttached", $"The instance {instanceId} has secondary network interfaces attached; detach them before moving it to another VPC.", 403);

    public static EipError PrimaryEniHasSecondaryIps(string instanceId, string eniId, int count) =>
        new("InvalidOperation.PrimaryEniMultipleIps", $"The primary network interface {eniId} of the instance {instanceId} has {count} secondary private IPs; unassign them (UnassignPrivateIpAddresses) before moving the instance to another vSwitch.", 403);

    public static EipError DiskNotFound(string diskId) =>
        new("InvalidDiskId.NotFound", $"The disk {diskId} does not exist. Each instance has one system disk, d- with the instance id's suffix (DescribeDisks).", 404);

    public static EipError DiskSizeTooSmall(string diskId, int size, int newSize) =>
        new("InvalidDiskSize.TooSmall", $"The disk {diskId} is {size} GiB; a disk only grows, so NewSize must be larger than {size}.", 400);

    public static EipError DiskCategoryNotSupported(string diskId, string category, string need) =>
        new("InvalidDiskCategory.ValueNotSupported", $"The disk {diskId} is {category}; {need}.", 400);
}
