using Eipnet.Domain.Catalog;
using Eipnet.Domain.Resources;

namespace Eipnet.Domain.Tests.Instances;

/// <summary>What an instance must be for the changes Alibaba makes only while it is stopped (issue 12).</summary>
public sealed class OfflineChangeRulesTests
{
    private static readonly InstanceTypeSpec Large = new("ecs.g7.large", "ecs.g7", 2, 8, 3, 6, false);
    private static readonly InstanceTypeSpec Nano = new("ecs.t5-lc2m1.nano", "ecs.t5", 1, 0.5, 2, 2, true);

    private static Instance Instance(InstanceStatus status) =>
        new("i-1", "acc-1", "cn-shenzhen", "cn-shenzhen-a", "vpc-1", "vsw-1", Large.InstanceTypeId, "ubuntu", "", "", "", status, "eni-p", Make.T0, Make.T0, 1);

    /// <summary>The primary ENI with <paramref name="secondaryIps"/> secondary addresses.</summary>
    private static NetworkInterface Primary(int secondaryIps = 0) => Make.Eni(EniType.Primary, EniStatus.InUse) with
    {
        NetworkInterfaceId = "eni-p", InstanceId = "i-1", ZoneId = "cn-shenzhen-a", SecondaryIpAddresses = [.. Enumerable.Range(11, secondaryIps).Select(i => $"10.0.0.{i}")],
    };

    private static NetworkInterface Secondary(string id) => Make.Eni(EniType.Secondary, EniStatus.InUse) with { NetworkInterfaceId = id, SecondaryIpAddresses = [] };

    private static VSwitch VSwitch(string id, string vpc = "vpc-1", string zone = "cn-shenzhen-a") =>
        new(id, "acc-1", "cn-shenzhen", vpc, zone, "10.0.1.0/24", "", "", Make.T0);

    public static TheoryData<InstanceStatus, string?> StatusCases => new()
    {
        // instance status          expected error code
        { InstanceStatus.Stopped,   null },
        { InstanceStatus.Running,   "IncorrectInstanceStatus" },
        { InstanceStatus.Pending,   "IncorrectInstanceStatus" },
        { InstanceStatus.Starting,  "IncorrectInstanceStatus" },
        { InstanceStatus.Stopping,  "IncorrectInstanceStatus" },
    };

    [Theory, MemberData(nameof(StatusCases))]
    public void CheckStopped_AcceptsOnlyAStoppedInstance(InstanceStatus status, string? expected) =>
        Assert.Equal(expected, OfflineChangeRules.CheckStopped(Instance(status), "the type")?.Code);

    public static TheoryData<string, int, int, string?> SpecCases => new()
    {
        // new type                 secondary ENIs  secondary IPs on primary    expected error code
        { "ecs.g7.large",           2,              5,                          null },
        { "ecs.t5-lc2m1.nano",      1,              1,                          null },
        { "ecs.t5-lc2m1.nano",      2,              0,                          "EniPerInstanceLimitExceeded" },
        { "ecs.t5-lc2m1.nano",      0,              2,                          "InvalidOperation.Ipv4CountExceeded" },
    };

    [Theory, MemberData(nameof(SpecCases))]
    public void CheckSpec_KeepsWhatIsOnTheInstanceWithinTheNewTypesLimits(string type, int secondaryEnis, int secondaryIps, string? expected)
    {
        List<NetworkInterface> onInstance = [Primary(secondaryIps), .. Enumerable.Range(1, secondaryEnis).Select(i => Secondary($"eni-{i}"))];
        var spec = type == Large.InstanceTypeId ? Large : Nano;
        Assert.Equal(expected, OfflineChangeRules.CheckSpec(Instance(InstanceStatus.Stopped), spec, onInstance)?.Code);
    }

    [Fact]
    public void CheckSpec_Refuses_RunningInstance() =>
        Assert.Equal("IncorrectInstanceStatus", OfflineChangeRules.CheckSpec(Instance(InstanceStatus.Running), Large, [Primary()])?.Code);

    public static TheoryData<string, string, string?, bool, int, string?> VpcMoveCases => new()
    {
        // target vSwitch's VPC  its zone           VpcId asked   secondary ENI   secondary IPs on primary  expected error code
        { "vpc-1",               "cn-shenzhen-a",   null,         true,           0,                        null },
        { "vpc-2",               "cn-shenzhen-a",   "vpc-2",      false,          0,                        null },
        { "vpc-2",               "cn-shenzhen-a",   null,         false,          0,                        "InvalidVSwitchId.NotFound" },
        { "vpc-1",               "cn-shenzhen-a",   "vpc-2",      false,          0,                        "InvalidVSwitchId.NotFound" },
        { "vpc-1",               "cn-shenzhen-b",   null,         false,          0,                        "InvalidVSwitchId.Mismatch" },
        { "vpc-2",               "cn-shenzhen-a",   "vpc-2",      true,           0,                        "InvalidOperation.SecondaryEniAttached" },
        { "vpc-1",               "cn-shenzhen-a",   null,         false,          1,                        "InvalidOperation.PrimaryEniMultipleIps" },
    };

    [Theory, MemberData(nameof(VpcMoveCases))]
    public void CheckVpcMove_FollowsAlibabasRules(string targetVpc, string targetZone, string? vpcId, bool secondaryEni, int secondaryIps, string? expected)
    {
        var primary = Primary(secondaryIps);
        List<NetworkInterface> onInstance = secondaryEni ? [primary, Secondary("eni-2")] : [primary];
        var error = OfflineChangeRules.CheckVpcMove(Instance(InstanceStatus.Stopped), primary, VSwitch("vsw-2", targetVpc, targetZone), vpcId, onInstance);
        Assert.Equal(expected, error?.Code);
    }

    [Fact]
    public void CheckVpcMove_AllowsANewIpInTheSameVSwitch_WithSecondaryIpsOnThePrimaryEni() =>
        Assert.Null(OfflineChangeRules.CheckVpcMove(Instance(InstanceStatus.Stopped), Primary(2), VSwitch("vsw-1"), null, [Primary(2)]));

    [Fact]
    public void CheckVpcMove_Refuses_RunningInstance() =>
        Assert.Equal("IncorrectInstanceStatus",
            OfflineChangeRules.CheckVpcMove(Instance(InstanceStatus.Running), Primary(), VSwitch("vsw-2"), null, [Primary()])?.Code);
}
