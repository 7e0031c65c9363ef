using System.Globalization;
using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Rpc;

/// <summary>No filter of DescribeInstances, DescribeDisks, DescribeNetworkInterfaces, DescribeSecurityGroups or
/// DescribeEipAddresses is silently ignored: every documented parameter, sent with a value the kept resource has and with one it does not,
/// either filters or is refused (issue 12).</summary>
/// <remarks>The documented parameters are those of the official SDKs' request models (@alicloud/ecs20140526 7.11.6,
/// @alicloud/vpc20160428 7.3.2), less the tenancy parameters (OwnerId, OwnerAccount, ResourceOwnerId,
/// ResourceOwnerAccount), which are not filters (docs/decisions.md). Options that change the answer's shape, not its
/// rows (AdditionalAttributes, NeedSaleCycle, IsQueryEcsCount, IncludeReservationData, FuzzyQuery on its own, MaxResults),
/// have no "lacking" value: they must keep the kept resource (<see cref="FilterAudit"/>).</remarks>
public sealed class EcsAndEipDescribeFilterTests(EcsAndEipDescribeFilterTests.World world) : IClassFixture<EcsAndEipDescribeFilterTests.World>
{
    private const string R = Fixtures.Region;

    /// <summary>One account with a kept security group, ENI, instance and EIP (name keep, tag env=prod, group rg-keep, the
    /// first vSwitch), and others of each that match none of the filters below.</summary>
    public sealed class World : FilterAuditWorld
    {
        protected override async Task SeedAsync(RpcTestClient c)
        {
            var vpc = await Fixtures.VpcAsync(c);
            var vsw = await Fixtures.VSwitchAsync(c, vpc);
            var vsw2 = await Fixtures.VSwitchAsync(c, vpc, "192.168.2.0/24", Fixtures.OtherZone);
            (string, string)[] labels = [("Tag.1.Key", "env"), ("Tag.1.Value", "prod"), ("ResourceGroupId", "rg-keep")];
            string Id(RpcResult r, string field) => r.Success().GetProperty(field).GetString()!;
            var sg = Id(await c.Ecs("CreateSecurityGroup", [("RegionId", R), ("VpcId", vpc), ("SecurityGroupName", "keep"), .. labels]), "SecurityGroupId");
            var sg2 = Id(await c.Ecs("CreateSecurityGroup", ("RegionId", R), ("VpcId", vpc), ("SecurityGroupName", "other"), ("SecurityGroupType", "enterprise")), "SecurityGroupId");
            var eni = Id(await c.Ecs("CreateNetworkInterface", [("RegionId", R), ("VSwitchId", vsw), ("SecurityGroupId", sg), ("NetworkInterfaceName", "keep"), .. labels]),
                "NetworkInterfaceId");
            await c.Ecs("CreateNetworkInterface", ("RegionId", R), ("VSwitchId", vsw2), ("SecurityGroupId", sg2), ("NetworkInterfaceName", "other"));
            // Both instances run the image Fixtures names (ubuntu_22_04_x64).
            var inst = await Fixtures.InstanceAsync(c, new TestNetwork(vpc, vsw, sg), extra: [("InstanceName", "keep"), ("SystemDisk.DiskName", "keep"), .. labels]);
            var inst2 = await Fixtures.InstanceAsync(c, new TestNetwork(vpc, vsw2, sg2), "ecs.g6.large", stopped: true,
                extra: [("InstanceName", "other"), ("SystemDisk.DiskName", "other")]);
            // The kept instance's system disk carries the tag too (ResourceType disk); its group is its instance's.
            (await c.Ecs("TagResources", ("RegionId", R), ("ResourceType", "disk"), ("ResourceId.1", "d-" + inst[2..]), ("Tag.1.Key", "env"), ("Tag.1.Value", "prod"))).Success();
            await Fixtures.AttachAsync(c, eni, inst);
            var eip = Id(await c.Vpc("AllocateEipAddress", [("RegionId", R), ("Name", "keep"), .. labels]), "AllocationId");
            await c.Vpc("AllocateEipAddress", ("RegionId", R), ("Name", "other"));
            await Fixtures.AssociateAsync(c, eip, inst, "EcsInstance");
            var eniView = (await Fixtures.DescribeEniAsync(c, eni))!.Value;
            var instView = (await Fixtures.DescribeInstanceAsync(c, inst))!.Value;
            Values["{vpc}"] = vpc;
            Values["{vsw}"] = vsw;
            Values["{vsw2}"] = vsw2;
            Values["{sg}"] = sg;
            Values["{sg2}"] = sg2;
            Values["{eni}"] = eni;
            Values["{inst}"] = inst;
            Values["{inst2}"] = inst2;
            Values["{disk}"] = "d-" + inst[2..];
            Values["{eip}"] = eip;
            Values["{eniip}"] = eniView.GetProperty("PrivateIpAddress").GetString()!;
            Values["{ip}"] = instView.GetProperty("VpcAttributes").GetProperty("PrivateIpAddress").GetProperty("IpAddress")[0].GetString()!;
            Values["{eipip}"] = (await Fixtures.DescribeEipAsync(c, eip))!.Value.GetProperty("IpAddress").GetString()!;
        }
    }

    public static readonly string[] DescribeInstancesParameters =
        ["Filter", "AdditionalAttributes", "DeviceAvailable", "DryRun", "EipAddresses", "HpcClusterId", "HttpEndpoint", "HttpPutResponseHopLimit", "HttpTokens",
         "ImageId", "InnerIpAddresses", "InstanceChargeType", "InstanceIds", "InstanceName", "InstanceNetworkType", "InstanceType", "InstanceTypeFamily",
         "InternetChargeType", "IoOptimized", "Ipv6Address", "KeyPairName", "LockReason", "MaxResults", "NeedSaleCycle", "NextToken", "PageNumber", "PageSize",
         "PrivateIpAddresses", "PublicIpAddresses", "RdmaIpAddresses", "RegionId", "ResourceGroupId", "SecurityGroupId", "Status", "Tag", "VSwitchId", "VpcId", "ZoneId"];

    public static readonly string[] DescribeDisksParameters =
        ["AdditionalAttributes", "AutoSnapshotPolicyId", "Category", "DeleteAutoSnapshot", "DeleteWithInstance", "DiskChargeType", "DiskIds", "DiskName",
         "DiskType", "DryRun", "EnableAutoSnapshot", "EnableAutomatedSnapshotPolicy", "EnableShared", "Encrypted", "Filter", "InstanceId", "KMSKeyId",
         "LockReason", "MaxResults", "MultiAttach", "NextToken", "PageNumber", "PageSize", "Portable", "RegionId", "ResourceGroupId", "SnapshotId", "Status",
         "Tag", "ZoneId"];

    public static readonly string[] DescribeNetworkInterfacesParameters =
        ["InstanceId", "Ipv6Address", "MaxResults", "NetworkInterfaceId", "NetworkInterfaceName", "NextToken", "PageNumber", "PageSize", "PrimaryIpAddress",
         "PrivateIpAddress", "RegionId", "ResourceGroupId", "SecurityGroupId", "ServiceManaged", "Status", "Tag", "Type", "VSwitchId", "VpcId"];

    public static readonly string[] DescribeSecurityGroupsParameters =
        ["DryRun", "FuzzyQuery", "IsQueryEcsCount", "MaxResults", "NetworkType", "NextToken", "PageNumber", "PageSize", "RegionId", "ResourceGroupId",
         "SecurityGroupId", "SecurityGroupIds", "SecurityGroupName", "SecurityGroupType", "ServiceManaged", "Tag", "VpcId"];

    public static readonly string[] DescribeEipAddressesParameters =
        ["Filter", "AllocationId", "AssociatedInstanceId", "AssociatedInstanceType", "ChargeType", "DryRun", "EipAddress", "EipName", "ISP",
         "IncludeReservationData", "LockReason", "PageNumber", "PageSize", "PublicIpAddressPoolId", "RegionId", "ResourceGroupId",
         "SecurityProtectionEnabled", "SegmentInstanceId", "ServiceManaged", "Status", "Tag"];

    // Lists sent as Name.1 (FilterAudit sends the Filter and Tag pairs as Name.1.Key / Name.1.Value).
    private static readonly HashSet<string> RepeatLists = ["AdditionalAttributes", "Ipv6Address", "NetworkInterfaceId", "PrivateIpAddress"];

    // filter                         value the kept resource has                     value it lacks (null: an option, not a filter)
    public static TheoryData<string, string, string?> InstanceFilters => new()
    {
        { "InstanceIds",              "[\"{inst}\"]",                                 "[\"i-0000000000000000000x\"]" },
        { "VpcId",                    "{vpc}",                                        "vpc-0000000000000000000x" },
        { "VSwitchId",                "{vsw}",                                        "{vsw2}" },
        { "ZoneId",                   Fixtures.Zone,                                  Fixtures.OtherZone },
        { "SecurityGroupId",          "{sg}",                                         "{sg2}" },
        { "Status",                   "Running",                                      "Stopped" },
        { "InstanceName",             "keep",                                         "other" },
        { "InstanceType",             "ecs.g7.large",                                 "ecs.g6.large" },
        { "InstanceTypeFamily",       "ecs.g7",                                       "ecs.g6" },
        { "ImageId",                  "ubuntu_22_04_x64",                             "debian_12_6_x64_20G_alibase_20240823.vhd" },
        { "PrivateIpAddresses",       "[\"{ip}\"]",                                   "[\"192.168.9.9\"]" },
        { "PublicIpAddresses",        "",                                             "[\"198.51.100.1\"]" },
        { "EipAddresses",             "[\"{eipip}\"]",                                "[\"192.0.2.250\"]" },
        { "InnerIpAddresses",         "",                                             "[\"10.0.0.1\"]" },
        { "RdmaIpAddresses",          "",                                             "[\"10.0.0.1\"]" },
        { "Ipv6Address",              "",                                             "2001:db8::1" },
        { "InstanceChargeType",       "PostPaid",                                     "PrePaid" },
        { "InstanceNetworkType",      "vpc",                                          "classic" },
        { "InternetChargeType",       "PayByTraffic",                                 "PayByBandwidth" },
        { "IoOptimized",              "true",                                         "false" },
        { "DeviceAvailable",          "false",                                        "true" },
        { "HpcClusterId",             "",                                             "hpc-0000000000000000000x" },
        { "KeyPairName",              "",                                             "my-key" },
        { "LockReason",               "",                                             "financial" },
        { "HttpEndpoint",             "",                                             "enabled" },
        { "HttpTokens",               "",                                             "optional" },
        { "HttpPutResponseHopLimit",  "",                                             "1" },
        { "Filter",                   "",                                             "CreationStartTime=2024-01-01T00:00Z" },
        { "Tag",                      "env=prod",                                     "env=dev" },
        { "ResourceGroupId",          "rg-keep",                                      "rg-other" },
        { "DryRun",                   "false",                                        "true" },
        { "AdditionalAttributes",     "META_OPTIONS",                                 null },
        { "NeedSaleCycle",            "false",                                        null },
        { "MaxResults",               "10",                                           null },
        { "NextToken",                "1",                                            "2" },
        { "PageNumber",               "1",                                            "3" },
        { "PageSize",                 "2",                                            null },
        { "RegionId",                 R,                                              "cn-shanghai" },
    };

    public static TheoryData<string, string, string?> DiskFilters => new()
    {
        { "InstanceId",               "{inst}",                                       "{inst2}" },
        { "DiskIds",                  "[\"{disk}\"]",                                 "[\"d-0000000000000000000x\"]" },
        { "DiskType",                 "system",                                       "data" },
        { "ZoneId",                   Fixtures.Zone,                                  Fixtures.OtherZone },
        { "Category",                 "cloud_essd",                                   "cloud_ssd" },
        { "Status",                   "In_use",                                       "Available" },
        { "DiskName",                 "keep",                                         "other" },
        { "Tag",                      "env=prod",                                     "env=dev" },
        { "ResourceGroupId",          "rg-keep",                                      "rg-other" },
        { "DeleteWithInstance",       "true",                                         "false" },
        { "DeleteAutoSnapshot",       "true",                                         "false" },
        { "DiskChargeType",           "PostPaid",                                     "PrePaid" },
        { "Portable",                 "false",                                        "true" },
        { "Encrypted",                "false",                                        "true" },
        { "EnableAutoSnapshot",       "false",                                        "true" },
        { "EnableAutomatedSnapshotPolicy", "false",                                   "true" },
        { "MultiAttach",              "Disabled",                                     "Enabled" },
        { "EnableShared",             "false",                                        "true" },
        { "SnapshotId",               "",                                             "s-0000000000000000000x" },
        { "AutoSnapshotPolicyId",     "",                                             "sp-0000000000000000000x" },
        { "KMSKeyId",                 "",                                             "key-0000000000000000000x" },
        { "LockReason",               "",                                             "financial" },
        { "Filter",                   "",                                             "CreationStartTime=2024-01-01T00:00Z" },
        { "DryRun",                   "false",                                        "true" },
        { "AdditionalAttributes",     "Placement",                                    null },
        { "MaxResults",               "10",                                           null },
        { "NextToken",                "1",                                            "2" },
        { "PageNumber",               "1",                                            "3" },
        { "PageSize",                 "2",                                            null },
        { "RegionId",                 R,                                              "cn-shanghai" },
    };

    public static TheoryData<string, string, string?> NetworkInterfaceFilters => new()
    {
        { "NetworkInterfaceId",       "{eni}",                                        "eni-0000000000000000000x" },
        { "InstanceId",               "{inst}",                                       "{inst2}" },
        { "NetworkInterfaceName",     "keep",                                         "other" },
        { "PrimaryIpAddress",         "{eniip}",                                      "192.168.9.9" },
        { "PrivateIpAddress",         "{eniip}",                                      "192.168.9.9" },
        { "Ipv6Address",              "",                                             "2001:db8::1" },
        { "SecurityGroupId",          "{sg}",                                         "{sg2}" },
        { "ServiceManaged",           "false",                                        "true" },
        { "Status",                   "InUse",                                        "Available" },
        { "Type",                     "Secondary",                                    "Primary" },
        { "VSwitchId",                "{vsw}",                                        "{vsw2}" },
        { "VpcId",                    "{vpc}",                                        "vpc-0000000000000000000x" },
        { "Tag",                      "env=prod",                                     "env=dev" },
        { "ResourceGroupId",          "rg-keep",                                      "rg-other" },
        { "MaxResults",               "10",                                           null },
        { "NextToken",                "1",                                            "2" },
        { "PageNumber",               "1",                                            "3" },
        { "PageSize",                 "2",                                            null },
        { "RegionId",                 R,                                              "cn-shanghai" },
    };

    public static TheoryData<string, string, string?> SecurityGroupFilters => new()
    {
        { "SecurityGroupId",          "{sg}",                                         "{sg2}" },
        { "SecurityGroupIds",         "[\"{sg}\"]",                                   "[\"{sg2}\"]" },
        { "SecurityGroupName",        "keep",                                         "other" },
        { "SecurityGroupType",        "normal",                                       "enterprise" },
        { "VpcId",                    "{vpc}",                                        "vpc-0000000000000000000x" },
        { "NetworkType",              "vpc",                                          "classic" },
        { "ServiceManaged",           "false",                                        "true" },
        { "Tag",                      "env=prod",                                     "env=dev" },
        { "ResourceGroupId",          "rg-keep",                                      "rg-other" },
        { "DryRun",                   "false",                                        "true" },
        { "FuzzyQuery",               "true",                                         null },
        { "IsQueryEcsCount",          "true",                                         null },
        { "MaxResults",               "10",                                           null },
        { "NextToken",                "0",                                            "1" },
        { "PageNumber",               "1",                                            "3" },
        { "PageSize",                 "2",                                            null },
        { "RegionId",                 R,                                              "cn-shanghai" },
    };

    public static TheoryData<string, string, string?> EipFilters => new()
    {
        { "AllocationId",             "{eip}",                                        "eip-0000000000000000000x" },
        { "EipAddress",               "{eipip}",                                      "192.0.2.250" },
        { "EipName",                  "keep",                                         "other" },
        { "AssociatedInstanceId",     "{inst}",                                       "{inst2}" },
        { "AssociatedInstanceType",   "EcsInstance",                                  "NetworkInterface" },
        { "Status",                   "InUse",                                        "Available" },
        { "ChargeType",               "PostPaid",                                     "PrePaid" },
        { "ISP",                      "BGP",                                          "BGP_PRO" },
        { "LockReason",               "",                                             "financial" },
        { "PublicIpAddressPoolId",    "",                                             "pippool-0000000000000000x" },
        { "SecurityProtectionEnabled", "false",                                       "true" },
        { "SegmentInstanceId",        "",                                             "eipsg-0000000000000000x" },
        { "ServiceManaged",           "false",                                        "true" },
        { "Filter",                   "",                                             "CreationStartTime=2024-01-01T00:00Z" },
        { "Tag",                      "env=prod",                                     "env=dev" },
        { "ResourceGroupId",          "rg-keep",                                      "rg-other" },
        { "DryRun",                   "false",                                        "true" },
        { "IncludeReservationData",   "true",                                         null },
        { "PageNumber",               "1",                                            "3" },
        { "PageSize",                 "2",                                            null },
        { "RegionId",                 R,                                              "cn-shanghai" },
    };

    [Fact]
    public void Rows_CoverEveryDocumentedParameter()
    {
        Assert.Equal(DescribeInstancesParameters.Order(), InstanceFilters.Select(r => (string)r[0]).Order());
        Assert.Equal(DescribeDisksParameters.Order(), DiskFilters.Select(r => (string)r[0]).Order());
        Assert.Equal(DescribeNetworkInterfacesParameters.Order(), NetworkInterfaceFilters.Select(r => (string)r[0]).Order());
        Assert.Equal(DescribeSecurityGroupsParameters.Order(), SecurityGroupFilters.Select(r => (string)r[0]).Order());
        Assert.Equal(DescribeEipAddressesParameters.Order(), EipFilters.Select(r => (string)r[0]).Order());
    }

    [Theory, MemberData(nameof(InstanceFilters))]
    public Task DescribeInstances_Filter_FiltersOrIsRefused(string filter, string having, string? lacking) =>
        CheckAsync(RpcTestClient.EcsVersion, "DescribeInstances", "Instances", "Instance", "InstanceId", "{inst}", filter, having, lacking);

    [Theory, MemberData(nameof(DiskFilters))]
    public Task DescribeDisks_Filter_FiltersOrIsRefused(string filter, string having, string? lacking) =>
        CheckAsync(RpcTestClient.EcsVersion, "DescribeDisks", "Disks", "Disk", "DiskId", "{disk}", filter, having, lacking);

    [Theory, MemberData(nameof(NetworkInterfaceFilters))]
    public Task DescribeNetworkInterfaces_Filter_FiltersOrIsRefused(string filter, string having, string? lacking) =>
        CheckAsync(RpcTestClient.EcsVersion, "DescribeNetworkInterfaces", "NetworkInterfaceSets", "NetworkInterfaceSet", "NetworkInterfaceId", "{eni}", filter, having, lacking);

    [Theory, MemberData(nameof(SecurityGroupFilters))]
    public Task DescribeSecurityGroups_Filter_FiltersOrIsRefused(string filter, string having, string? lacking) =>
        CheckAsync(RpcTestClient.EcsVersion, "DescribeSecurityGroups", "SecurityGroups", "SecurityGroup", "SecurityGroupId", "{sg}", filter, having, lacking);

    [Theory, MemberData(nameof(EipFilters))]
    public Task DescribeEipAddresses_Filter_FiltersOrIsRefused(string filter, string having, string? lacking) =>
        CheckAsync(RpcTestClient.VpcVersion, "DescribeEipAddresses", "EipAddresses", "EipAddress", "AllocationId", "{eip}", filter, having, lacking);

    [Fact]
    public async Task DescribeSecurityGroups_FuzzyQuery_MatchesNamesThatContainTheName()
    {
        async Task<int> Count(params (string, string)[] p) =>
            (await world.Client.Ecs("DescribeSecurityGroups", [("RegionId", R), .. p])).Success().GetProperty("TotalCount").GetInt32();
        Assert.Equal(0, await Count(("SecurityGroupName", "ee")));
        Assert.Equal(1, await Count(("SecurityGroupName", "ee"), ("FuzzyQuery", "true")));
        Assert.Equal(2, await Count(("SecurityGroupName", "e"), ("FuzzyQuery", "true")));
    }

    private Task CheckAsync(string version, string action, string outer, string inner, string idField, string kept, string filter, string having, string? lacking) =>
        FilterAudit.CheckAsync(world.Client, world.Values, version, action, (outer, inner, idField), kept, filter, having, lacking, RepeatLists);
}
