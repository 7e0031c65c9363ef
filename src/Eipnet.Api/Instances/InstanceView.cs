using Eipnet.Api.Rpc;
using Eipnet.Contracts.Instances;
using Eipnet.Domain.Catalog;
using Eipnet.Domain.Resources;

namespace Eipnet.Api.Instances;

/// <summary>An instance as DescribeInstances shows it.</summary>
internal static class InstanceView
{
    private static readonly InstanceEipAddress NoEip = new("", "", 0, "", false);

    /// <summary>The instance with its ENIs (primary first) and the EIP on its primary ENI's primary IP, if any.</summary>
    /// <remarks><paramref name="type"/> is null when the operator removed the type from the catalog; Cpu and Memory are then 0.</remarks>
    public static InstanceItem ToItem(Instance i, InstanceTypeSpec? type, IReadOnlyList<NetworkInterface> enis, Eip? eip)
    {
        var primary = enis.FirstOrDefault(n => n.NetworkInterfaceId == i.PrimaryNetworkInterfaceId);
        return new InstanceItem
        {
            InstanceId = i.InstanceId,
            InstanceName = i.InstanceName,
            Description = i.Description,
            Status = i.Status.ToString(),
            RegionId = i.RegionId,
            ZoneId = i.ZoneId,
            InstanceType = i.InstanceType,
            InstanceTypeFamily = type?.InstanceTypeFamily ?? "",
            Cpu = type?.CpuCoreCount ?? 0,
            Memory = type is null ? 0 : (int)Math.Round(type.MemorySize * 1024),
            ImageId = i.ImageId,
            EipnetHost = i.Host,
            HostName = i.HostName,
            CreationTime = Times.Format(i.CreationTime),
            StartTime = Times.Format(i.StartTime),
            ExpiredTime = "",
            InstanceChargeType = "PostPaid",
            InternetChargeType = "PayByTraffic",
            InternetMaxBandwidthOut = 0,
            InstanceNetworkType = "vpc",
            IoOptimized = true,
            ResourceGroupId = i.ResourceGroupId,
            StoppedMode = StoppedMode(i),
            DeletionProtection = i.DeletionProtection,
            VpcAttributes = new InstanceVpcAttributes(i.VpcId, i.VSwitchId, "",
                new InstanceIpAddressList(primary is null ? [] : [primary.PrimaryIpAddress])),
            EipAddress = eip is null
                ? NoEip
                : new InstanceEipAddress(eip.AllocationId, eip.IpAddress, eip.Bandwidth, eip.InternetChargeType, true),
            PublicIpAddress = new InstanceIpAddressList([]),
            InnerIpAddress = new InstanceIpAddressList([]),
            SecurityGroupIds = new InstanceSecurityGroupIdList(primary?.SecurityGroupIds ?? []),
            NetworkInterfaces = new InstanceNetworkInterfaceList(enis.OrderBy(n => n.DeviceIndex).Select(ToNetworkInterface).ToList()),
            OperationLocks = new InstanceLockReasonList([]),
            Tags = new InstanceTagList(i.Tags.Select(t => new InstanceTag(t.Key, t.Value)).ToList()),
        };
    }

    /// <summary>The mode StopInstance was given (KeepCharging when none); Alibaba shows Not-applicable for instances that are
    /// not stopped. Eipnet bills nothing either way.</summary>
    public static string StoppedMode(Instance i) =>
        i.Status != InstanceStatus.Stopped ? "Not-applicable" : i.StoppedMode.Length > 0 ? i.StoppedMode : "KeepCharging";

    private static InstanceNetworkInterface ToNetworkInterface(NetworkInterface n) => new(
        n.NetworkInterfaceId, n.Type.ToString(), n.MacAddress, n.PrimaryIpAddress,
        new InstancePrivateIpSetList(n.PrivateIpAddresses.Select(ip => new InstancePrivateIpSet(ip, ip == n.PrimaryIpAddress)).ToList()));
}
