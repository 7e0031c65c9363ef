using Eipnet.Domain.Addressing;

namespace Eipnet.Domain.Tests.Addressing;

public sealed class EipPoolsTests
{
    [Fact]
    public void AllAllocatable_ExcludesNetworkGatewayAndBroadcast()
    {
        var all = EipPools.Parse(["198.51.100.0/24"]).AllAllocatable().Select(Ipv4Cidr.Format).ToList();
        Assert.Equal(253, all.Count);
        Assert.Equal("198.51.100.2", all[0]);
        Assert.Equal("198.51.100.254", all[^1]);
    }

    [Fact]
    public void RandomAddress_StaysAllocatable()
    {
        var pools = EipPools.Parse(["198.51.100.0/24", "203.0.113.0/24"]);
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
            Assert.True(pools.IsAllocatable(pools.RandomAddress(random)));
    }
}
