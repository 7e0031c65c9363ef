using Eipnet.Domain.Associations;
using Eipnet.Domain.Catalog;
using Eipnet.Domain.Resources;

namespace Eipnet.Domain.Tests;

/// <summary>Builders for domain records with plausible defaults.</summary>
internal static class Make
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Regions as the seed lists them: cn-shenzhen has both modes, cn-hangzhou cut-through only, ap-northeast-1 neither.</summary>
    public static Region Region(string id) => id switch
    {
        "cn-shenzhen" => new(id, "China (Shenzhen)", "", [new("cn-shenzhen-a", "A")], true, true, ["198.51.100.0/24"]),
        "cn-hangzhou" => new(id, "China (Hangzhou)", "", [new("cn-hangzhou-i", "I")], true, false, ["198.51.100.0/24"]),
        "ap-northeast-1" => new(id, "Japan (Tokyo)", "", [new("ap-northeast-1a", "A")], false, false, ["198.51.100.0/24"]),
        _ => throw new ArgumentException(id),
    };

    public static Account Account(bool multiEip = false, int eipsPerEni = Resources.Account.DefaultEipsPerEniQuota) =>
        new("acc-1", "t", "ak", "sk", multiEip, 20, eipsPerEni, T0);

    public static Eip Eip(string id = "eip-new", string region = "cn-shenzhen", EipStatus status = EipStatus.Available, Association? association = null) =>
        new(id, "acc-1", region, "198.51.100.7", status, 5, "PayByTraffic", "PostPaid", "BGP", "", "", T0, association, 1);

    /// <summary>An ENI with primary IP 10.0.0.10 and secondary IPs 10.0.0.11-10.0.0.14.</summary>
    public static NetworkInterface Eni(EniType type = EniType.Secondary, EniStatus status = EniStatus.Available, string region = "cn-shenzhen") =>
        new("eni-1", "acc-1", region, region + "-a", "vpc-1", "vsw-1", type, status, status == EniStatus.Available ? null : "i-1",
            type == EniType.Primary ? 0 : 1, "02:00:00:00:00:01", "10.0.0.10", ["10.0.0.11", "10.0.0.12", "10.0.0.13", "10.0.0.14"],
            ["sg-1"], "", "", false, T0, 1);

    /// <summary><paramref name="count"/> EIPs already on the ENI in <paramref name="mode"/>, NAT ones on successive private IPs.</summary>
    public static IReadOnlyList<Eip> OnEni(int count, AssociationMode mode) =>
        Enumerable.Range(0, count).Select(i => Eip($"eip-{i}", status: EipStatus.InUse, association: new Association(
            "eni-1", Association.NetworkInterface, "eni-1", mode == AssociationMode.Nat ? $"10.0.0.{10 + i}" : "10.0.0.10", mode))).ToList();
}
