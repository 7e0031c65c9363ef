using Eipnet.Domain.Associations;
using Eipnet.Domain.Resources;

namespace Eipnet.Store.Tests;

internal static class Docs
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Eip Eip(string id, string ip, string account = "acc-1", EipStatus status = EipStatus.Available, Association? association = null, long revision = 1) =>
        new(id, account, "cn-hangzhou", ip, status, 5, "PayByTraffic", "PostPaid", "BGP", "n-" + id, "", T0, association, revision);

    public static NetworkInterface Eni(string id, EniType type, string? instanceId, string account = "acc-1") =>
        new(id, account, "cn-hangzhou", "cn-hangzhou-i", "vpc-1", "vsw-1", type, instanceId is null ? EniStatus.Available : EniStatus.InUse,
            instanceId, type == EniType.Primary ? 0 : 1, "00:16:3e:00:00:01", "10.0.0.10", [], ["sg-1"], "n-" + id, "", false, T0, 1);

    public static Association Nat(string eni, string privateIp) => new(eni, Association.NetworkInterface, eni, privateIp, AssociationMode.Nat);
}
