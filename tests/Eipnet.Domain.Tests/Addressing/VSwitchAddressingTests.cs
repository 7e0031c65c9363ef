using Eipnet.Domain.Addressing;

namespace Eipnet.Domain.Tests.Addressing;

public sealed class VSwitchAddressingTests
{
    private static Ipv4Cidr Cidr(string text) => Ipv4Cidr.TryParse(text, out var c) ? c.Value : throw new FormatException(text);

    [Theory]
    [InlineData("192.168.1.0", false)]   // network address
    [InlineData("192.168.1.1", false)]   // gateway
    [InlineData("192.168.1.2", true)]
    [InlineData("192.168.1.252", true)]
    [InlineData("192.168.1.253", false)] // the last three are reserved
    [InlineData("192.168.1.254", false)]
    [InlineData("192.168.1.255", false)]
    [InlineData("192.168.2.10", false)]  // outside
    public void IsAssignable_ReservesNetworkGatewayAndLastThree(string address, bool assignable)
    {
        Ipv4Cidr.TryParseAddress(address, out var a);
        Assert.Equal(assignable, VSwitchAddressing.IsAssignable(Cidr("192.168.1.0/24"), a));
    }

    [Fact]
    public void Capacity_IsSizeMinusFive() => Assert.Equal(251, VSwitchAddressing.Capacity(Cidr("192.168.1.0/24")));

    [Fact]
    public void FirstFree_SkipsUsedAndReserved() =>
        Assert.Equal("10.0.0.4", VSwitchAddressing.FirstFree(Cidr("10.0.0.0/29"), new HashSet<string> { "10.0.0.2", "10.0.0.3" }));

    [Fact]
    public void FirstFree_IsNull_WhenFull() =>
        Assert.Null(VSwitchAddressing.FirstFree(Cidr("10.0.0.0/29"), new HashSet<string> { "10.0.0.2", "10.0.0.3", "10.0.0.4" }));

    [Theory]
    [InlineData("10.0.0.0/8", true)]
    [InlineData("10.0.0.1/24", false)] // host bits set
    [InlineData("10.0.0.0/33", false)]
    [InlineData("10.0.0/24", false)]
    [InlineData("010.0.0.0/24", false)]
    [InlineData("garbage", false)]
    public void TryParse_AcceptsOnlyCanonicalNetworks(string text, bool ok) => Assert.Equal(ok, Ipv4Cidr.TryParse(text, out _));
}
