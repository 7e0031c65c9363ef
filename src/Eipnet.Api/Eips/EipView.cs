using Eipnet.Contracts.Eips;
using Eipnet.Domain.Associations;
using Eipnet.Api.Rpc;
using Eipnet.Domain.Resources;

namespace Eipnet.Api.Eips;

/// <summary>An EIP as DescribeEipAddresses shows it.</summary>
public static class EipView
{
    public static EipAddressItem ToItem(Eip e) => new()
    {
        AllocationId = e.AllocationId,
        IpAddress = e.IpAddress,
        Status = e.Status.ToString(),
        RegionId = e.RegionId,
        InstanceId = e.Association?.TargetId ?? "",
        InstanceType = e.Association?.TargetType ?? "",
        InstanceRegionId = e.Association is null ? "" : e.RegionId,
        // Only a private IP the caller named (Association.PrivateIpAddressRequested); the ENI shows every mapping.
        PrivateIpAddress = e.Association is { PrivateIpAddressRequested: true } a ? a.PrivateIpAddress : "",
        // Open question in the reference (§8.3): Eipnet shows no mode for an unassociated EIP.
        Mode = e.Association?.Mode.ToWire() ?? "",
        Bandwidth = e.Bandwidth.ToString(System.Globalization.CultureInfo.InvariantCulture),
        EipBandwidth = e.Bandwidth.ToString(System.Globalization.CultureInfo.InvariantCulture),
        InternetChargeType = e.InternetChargeType,
        ChargeType = e.InstanceChargeType,
        ISP = e.Isp,
        Netmode = "public",
        Name = e.Name,
        Description = e.Description,
        AllocationTime = Times.Format(e.AllocationTime),
        ExpiredTime = "",
        BizType = "Default",
        BusinessStatus = "Normal",
        ResourceGroupId = e.ResourceGroupId,
        HDMonitorStatus = "false",
        HasReservationData = "false",
        VpcId = "",
        Zone = "",
        DeletionProtection = e.DeletionProtection,
        SecondLimited = false,
        ServiceManaged = 0,
        OperationLocks = new EipLockReasons([]),
        SecurityProtectionTypes = new EipSecurityProtectionTypes([]),
        Tags = new EipTags(e.Tags.Select(t => new EipTag(t.Key, t.Value)).ToList()),
    };
}
