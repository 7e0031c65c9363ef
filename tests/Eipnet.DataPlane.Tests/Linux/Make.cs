using Eipnet.Domain.Addressing;
using Eipnet.Domain.Associations;
using Eipnet.Domain.Resources;

namespace Eipnet.DataPlane.Tests.Linux;

/// <summary>Builders for desired state at scale.</summary>
internal static class Make
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Instance Instance(string id) =>
        new(id, "acc-1", "cn-shenzhen", "cn-shenzhen-a", "vpc-1", "vsw-1", "ecs.g7.large", "img", id, id, "", InstanceStatus.Running, "", T0, T0, 1);

    public static NetworkInterface Eni(string id, string? instanceId, IReadOnlyList<string> ips, int deviceIndex = 1) =>
        new(id, "acc-1", "cn-shenzhen", "cn-shenzhen-a", "vpc-1", "vsw-1", deviceIndex == 0 ? EniType.Primary : EniType.Secondary,
            instanceId is null ? EniStatus.Available : EniStatus.InUse, instanceId, deviceIndex, $"02:00:00:00:{deviceIndex / 256:x2}:{deviceIndex % 256:x2}",
            ips[0], ips.Skip(1).ToList(), ["sg-1"], id, "", false, T0, 1);

    public static Eip Eip(string id, string address, string eniId, string privateIp, EipStatus status = EipStatus.InUse) =>
        new(id, "acc-1", "cn-shenzhen", address, status, 5, "PayByTraffic", "PostPaid", "BGP", "", "", T0,
            new Association(eniId, Association.NetworkInterface, eniId, privateIp, AssociationMode.Nat), 1);

    public static SecurityGroup Group(string id) => new(id, "acc-1", "cn-shenzhen", "vpc-1", id, "", "normal", T0, []);

    public static VSwitch VSwitch(string cidr) => new("vsw-1", "acc-1", "cn-shenzhen", "vpc-1", "cn-shenzhen-a", cidr, "vsw", "", T0);

    public static DesiredChanges Full(long revision, IReadOnlyList<Eip> eips, IReadOnlyList<NetworkInterface> enis, IReadOnlyList<Instance> instances) =>
        new(revision, true, eips, enis, instances, [Group("sg-1")], [VSwitch("10.0.0.0/8")], [], []);

    public static DesiredChanges Partial(long revision, IReadOnlyList<Eip>? eips = null, IReadOnlyList<NetworkInterface>? enis = null,
        IReadOnlyList<RemovedResource>? removed = null) =>
        new(revision, false, eips ?? [], enis ?? [], [], [], [], [], removed ?? []);

    /// <summary>One instance with 100 ENIs of 100 private IPs each, every private IP with a NAT EIP: 10,000 EIPs.</summary>
    /// <remarks>10,000 EIPs do not fit the documentation ranges (3 x /24), so 172.16.0.0/12 stands in for the pool; this is
    /// pure data and is never applied to any host.</remarks>
    public static DesiredChanges TenThousandNatEips()
    {
        var enis = new List<NetworkInterface>();
        var eips = new List<Eip>();
        for (var n = 0; n < 100; n++)
        {
            var ips = Enumerable.Range(0, 100).Select(i => Ipv4Cidr.Format(0x0A000000u + (uint)(n * 256 + i + 2))).ToList();
            var eni = Eni($"eni-scale{n:d3}", "i-scale", ips, deviceIndex: n);
            enis.Add(eni);
            eips.AddRange(ips.Select((ip, i) => Eip($"eip-{n:d3}-{i:d3}", Ipv4Cidr.Format(0xAC100000u + (uint)(n * 256 + i + 2)), eni.NetworkInterfaceId, ip)));
        }
        return Full(1, eips, enis, [Instance("i-scale")]);
    }
}
