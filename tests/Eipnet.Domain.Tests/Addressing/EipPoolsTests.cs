using Eipnet.Domain.Addressing;
using Eipnet.Domain.Catalog;

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

    [Theory]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "198.51.100.0/31" }, false)]
    [InlineData(new[] { "198.51.100.0/30" }, true)]
    [InlineData(new[] { "198.51.100.0/32", "198.51.100.8/29" }, true)]
    public void HasAllocatable_NeedsAnAddressBesidesNetworkGatewayAndBroadcast(string[] cidrs, bool expected) =>
        Assert.Equal(expected, EipPools.Parse(cidrs).HasAllocatable);

    [Fact]
    public void RandomAddress_Throws_WhenNothingIsAllocatable() =>
        Assert.Throws<InvalidOperationException>(() => EipPools.Parse(["198.51.100.0/31"]).RandomAddress(new Random(1)));

    [Fact]
    public void CheckOffered_IsNull_WhenRegionHasAPool() =>
        Assert.Null(EipPools.CheckOffered(CatalogWith(("cn-hangzhou", ["198.51.100.0/24"])), "cn-hangzhou"));

    [Fact]
    public void CheckOffered_FailsWithResourceNotEnough_NamingRegionsWithPools_WhenRegionHasNone()
    {
        var catalog = CatalogWith(("cn-hangzhou", []), ("cn-shanghai", ["198.51.100.0/24"]), ("cn-beijing", ["192.0.2.0/31"]));
        var error = EipPools.CheckOffered(catalog, "cn-hangzhou");
        Assert.NotNull(error);
        Assert.Equal(("ResourceNotEnough.EipAddress", 400), (error.Code, error.HttpStatus));
        Assert.Contains("Allocate in cn-shanghai,", error.Message);
        Assert.DoesNotContain("cn-beijing", error.Message);
    }

    [Fact]
    public void CheckOffered_FailsWithResourceNotEnough_WhenNoRegionHasAPool()
    {
        var error = EipPools.CheckOffered(CatalogWith(("cn-hangzhou", [])), "cn-hangzhou");
        Assert.Equal("ResourceNotEnough.EipAddress", error?.Code);
        Assert.Contains("Ask the operator", error!.Message);
    }

    private static Domain.Catalog.Catalog CatalogWith(params (string RegionId, string[] Pools)[] regions) =>
        new(regions.Select(r => new Region(r.RegionId, r.RegionId, "", [], false, false, r.Pools)).ToList(), []);
}
