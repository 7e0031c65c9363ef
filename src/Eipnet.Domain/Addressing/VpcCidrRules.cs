using Eipnet.Domain.Errors;

namespace Eipnet.Domain.Addressing;

/// <summary>Which IPv4 blocks a VPC may have (alibaba-api.md §1.9), on creation and when ModifyVpcAttribute changes it.</summary>
public static class VpcCidrRules
{
    /// <summary>The block a VPC gets when CreateVpc names none (Alibaba's documented default).</summary>
    public static readonly Ipv4Cidr Default = Parse("172.16.0.0/12");

    // Blocks a VPC may not use, nor overlap.
    private static readonly Ipv4Cidr[] Forbidden = [Parse("100.64.0.0/10"), Parse("224.0.0.0/4"), Parse("127.0.0.0/8"), Parse("169.254.0.0/16")];

    /// <summary>Checks a VPC block: a /8 to /28 mask, outside the reserved blocks.</summary>
    public static EipError? Check(Ipv4Cidr cidr) =>
        cidr.PrefixLength is < 8 or > 28 ? EipError.InvalidParameter("CidrBlock", "the mask must be from /8 to /28.")
        : Forbidden.Any(f => f.Overlaps(cidr)) ? EipError.InvalidParameter("CidrBlock", "100.64.0.0/10, 224.0.0.0/4, 127.0.0.0/8 and 169.254.0.0/16 cannot be used.")
        : null;

    /// <summary>Checks a new block for an existing VPC: it must still hold every vSwitch of the VPC.</summary>
    public static EipError? CheckChange(Ipv4Cidr cidr, IReadOnlyList<(string VSwitchId, Ipv4Cidr Cidr)> vSwitches) =>
        Check(cidr) ?? (vSwitches.FirstOrDefault(v => !cidr.Contains(v.Cidr)) is { VSwitchId: not null } outside
            ? EipError.InvalidParameter("CidrBlock", $"{cidr} does not hold {outside.Cidr} of vSwitch {outside.VSwitchId}; a VPC's block must hold all its vSwitches.")
            : null);

    private static Ipv4Cidr Parse(string text) =>
        Ipv4Cidr.TryParse(text, out var cidr) ? cidr.Value : throw new ArgumentException($"Not a CIDR: {text}", nameof(text));
}
