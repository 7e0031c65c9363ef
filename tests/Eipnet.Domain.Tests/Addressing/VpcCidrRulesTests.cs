using Eipnet.Domain.Addressing;

namespace Eipnet.Domain.Tests.Addressing;

public sealed class VpcCidrRulesTests
{
    private static Ipv4Cidr Cidr(string text) => Ipv4Cidr.TryParse(text, out var c) ? c.Value : throw new ArgumentException(text);

    [Theory]
    [InlineData("10.0.0.0/8", null)]
    [InlineData("192.168.0.0/28", null)]
    [InlineData("10.0.0.0/7", "InvalidParameter")]
    [InlineData("192.168.0.0/29", "InvalidParameter")]
    [InlineData("100.64.0.0/16", "InvalidParameter")]
    [InlineData("169.254.0.0/16", "InvalidParameter")]
    public void Check_FollowsCreateVpcLimits(string cidr, string? expected) =>
        Assert.Equal(expected, VpcCidrRules.Check(Cidr(cidr))?.Code);

    [Theory]
    [InlineData("192.168.0.0/16", null)]
    [InlineData("192.168.0.0/20", null)]
    [InlineData("192.168.0.0/24", "InvalidParameter")]
    public void CheckChange_KeepsEveryVSwitchInside(string cidr, string? expected) =>
        Assert.Equal(expected, VpcCidrRules.CheckChange(Cidr(cidr), [("vsw-1", Cidr("192.168.1.0/24")), ("vsw-2", Cidr("192.168.8.0/24"))])?.Code);
}
