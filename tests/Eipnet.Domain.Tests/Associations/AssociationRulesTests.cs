using Eipnet.Domain.Associations;
using Eipnet.Domain.Resources;
using static Eipnet.Domain.Associations.AssociationMode;
using static Eipnet.Domain.Resources.EniType;

namespace Eipnet.Domain.Tests.Associations;

/// <summary>SPEC.md, "The association rules": one row per line of the table (in its order), then one per listed decision.
/// The rows about what the guest sees, private networking and protocols are data-plane behaviour, tested with packets.</summary>
public sealed class AssociationRulesTests
{
    public static TheoryData<string, AssociationMode, EniType, EniStatus, int, AssociationMode, string, bool, string?, string?> Table => new()
    {
        // rule                                       wanted       ENI        ENI status          on ENI  their mode   region            allow  private IP    expected code
        { "ENI types: NAT on a primary ENI",          Nat,         Primary,   EniStatus.InUse,     0,     Nat,         "cn-shenzhen",    false, null,         null },
        { "ENI types: NAT on a secondary ENI",        Nat,         Secondary, EniStatus.Available, 0,     Nat,         "cn-shenzhen",    false, null,         null },
        { "ENI types: cut-through on a primary ENI",  Binded,      Primary,   EniStatus.InUse,     0,     Nat,         "cn-shenzhen",    false, null,         "InvalidOperation.InvalidEniType" },
        { "ENI types: cut-through on a secondary ENI", Binded,     Secondary, EniStatus.Available, 0,     Nat,         "cn-shenzhen",    false, null,         null },
        { "ENI types: multi-EIP on a primary ENI",    MultiBinded, Primary,   EniStatus.InUse,     0,     Nat,         "cn-shenzhen",    true,  null,         "InvalidOperation.InvalidEniType" },
        { "ENI types: multi-EIP on a secondary ENI",  MultiBinded, Secondary, EniStatus.Available, 0,     Nat,         "cn-shenzhen",    true,  null,         null },
        { "Primary ENI: a first NAT EIP",             Nat,         Primary,   EniStatus.InUse,     0,     Nat,         "cn-shenzhen",    false, "10.0.0.11",  null },
        { "Primary ENI: at most 1 EIP",               Nat,         Primary,   EniStatus.InUse,     1,     Nat,         "cn-shenzhen",    false, "10.0.0.11",  "InvalidAssociation.Duplicated" },
        { "Secondary NAT: one per private IP (5th)",  Nat,         Secondary, EniStatus.Available, 4,     Nat,         "cn-shenzhen",    false, "10.0.0.14",  null },
        { "Secondary NAT: a mapped private IP",       Nat,         Secondary, EniStatus.Available, 2,     Nat,         "cn-shenzhen",    false, "10.0.0.11",  "InvalidAssociation.Duplicated" },
        { "Secondary NAT: omitted IP means primary",  Nat,         Secondary, EniStatus.Available, 1,     Nat,         "cn-shenzhen",    false, null,         "InvalidAssociation.Duplicated" },
        { "Secondary NAT: an IP not on the ENI",      Nat,         Secondary, EniStatus.Available, 0,     Nat,         "cn-shenzhen",    false, "10.0.0.99",  "InvalidParameter" },
        { "Secondary cut-through: exactly 1",         Binded,      Secondary, EniStatus.Available, 1,     Binded,      "cn-shenzhen",    false, null,         "InvalidAssociation.Duplicated" },
        { "Secondary cut-through: primary IP only",   Binded,      Secondary, EniStatus.Available, 0,     Nat,         "cn-shenzhen",    false, "10.0.0.12",  "InvalidParameter" },
        { "Secondary multi-EIP: the 10th",            MultiBinded, Secondary, EniStatus.Available, 9,     MultiBinded, "cn-shenzhen",    true,  null,         null },
        { "Secondary multi-EIP: an 11th",             MultiBinded, Secondary, EniStatus.Available, 10,    MultiBinded, "cn-shenzhen",    true,  null,         "QuotaExceeded.EipsPerNetworkInterface" },
        { "Regions: NAT everywhere",                  Nat,         Secondary, EniStatus.Available, 0,     Nat,         "ap-northeast-1", false, null,         null },
        { "Regions: cut-through in a listed region",  Binded,      Secondary, EniStatus.Available, 0,     Nat,         "cn-hangzhou",    false, null,         null },
        { "Regions: cut-through elsewhere",           Binded,      Secondary, EniStatus.Available, 0,     Nat,         "ap-northeast-1", false, null,         "OperationUnsupported.ModeNotSupportedInRegion" },
        { "Regions: multi-EIP outside its list",      MultiBinded, Secondary, EniStatus.Available, 0,     Nat,         "cn-hangzhou",    true,  null,         "OperationUnsupported.ModeNotSupportedInRegion" },
        { "Who: multi-EIP without the allowlist",     MultiBinded, Secondary, EniStatus.Available, 0,     Nat,         "cn-shenzhen",    false, null,         "Forbidden.MultiBindedModeNotAllowed" },
        { "Who: cut-through for everyone",            Binded,      Secondary, EniStatus.Available, 0,     Nat,         "cn-shenzhen",    false, null,         null },
        // Decisions listed under the table.
        { "Decision: one mode per ENI",               Nat,         Secondary, EniStatus.Available, 1,     MultiBinded, "cn-shenzhen",    true,  "10.0.0.12",  "InvalidAssociation.ModeConflict" },
        { "Decision: NAT on an attached ENI",         Nat,         Secondary, EniStatus.InUse,     0,     Nat,         "cn-shenzhen",    false, null,         null },
        { "Decision: cut-through needs it detached",  Binded,      Secondary, EniStatus.InUse,     0,     Nat,         "cn-shenzhen",    false, null,         "InvalidStatus.EniStatusNotSupport" },
        { "Decision: multi-EIP needs it detached",    MultiBinded, Secondary, EniStatus.InUse,     0,     Nat,         "cn-shenzhen",    true,  null,         "InvalidStatus.EniStatusNotSupport" },
        { "Decision: not while the ENI is attaching", Nat,         Secondary, EniStatus.Attaching, 0,     Nat,         "cn-shenzhen",    false, null,         "InvalidStatus.EniStatusNotSupport" },
    };

    [Theory, MemberData(nameof(Table))]
    public void Check_FollowsSpecTable(string rule, AssociationMode wanted, EniType type, EniStatus status, int existing,
        AssociationMode existingMode, string region, bool allowlisted, string? privateIp, string? expected)
    {
        var request = new AssociationRequest(
            Make.Eip(region: region), Make.Eni(type, status, region), Make.OnEni(existing, existingMode), wanted, privateIp,
            Make.Region(region), Make.Account(allowlisted));
        var (_, error) = AssociationRules.Check(request);
        Assert.True(expected == error?.Code, $"{rule}: expected {expected ?? "success"}, got {error?.Code ?? "success"} ({error?.Message})");
    }

    [Fact]
    public void Check_AllowsMoreThanTen_WhenQuotaRaised()
    {
        var request = new AssociationRequest(Make.Eip(), Make.Eni(), Make.OnEni(10, MultiBinded), MultiBinded, null,
            Make.Region("cn-shenzhen"), Make.Account(multiEip: true, eipsPerEni: 12));
        Assert.Null(AssociationRules.Check(request).Error);
    }

    [Fact]
    public void Check_MapsToPrimaryIp_WhenNatPrivateIpOmitted()
    {
        var request = new AssociationRequest(Make.Eip(), Make.Eni(), [], Nat, null, Make.Region("cn-shenzhen"), Make.Account());
        Assert.Equal("10.0.0.10", AssociationRules.Check(request).PrivateIp);
    }

    [Theory]
    [InlineData(EipStatus.Associating)]
    [InlineData(EipStatus.InUse)]
    [InlineData(EipStatus.Unassociating)]
    public void Check_RejectsEip_WhenNotAvailable(EipStatus status)
    {
        var request = new AssociationRequest(Make.Eip(status: status), Make.Eni(), [], Nat, null, Make.Region("cn-shenzhen"), Make.Account());
        Assert.Equal("IncorrectEipStatus", AssociationRules.Check(request).Error?.Code);
    }

    [Fact]
    public void Check_RejectsEni_WhenInAnotherRegion()
    {
        var request = new AssociationRequest(Make.Eip(region: "cn-hangzhou"), Make.Eni(), [], Nat, null, Make.Region("cn-hangzhou"), Make.Account());
        Assert.Equal("InvalidParameter.Mismatch", AssociationRules.Check(request).Error?.Code);
    }
}
