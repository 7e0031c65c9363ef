using Eipnet.Api.Catalog;
using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Eips;

/// <summary>AllocateEipAddress where the region's pools cannot give an address (issue 9): a 4xx that says what to do.</summary>
public sealed class EipPoolTests
{
    private const string PoolRegion = "cn-hangzhou";
    private const string PoollessRegion = "cn-shanghai";

    // As the Linux lab runs: one region has the pool, every other region has none.
    private static Task<TestServer> StartWithPoolAsync(string pool) =>
        TestServer.StartAsync(configure: o => o with { Catalog = LabCatalog.From(CatalogLoader.LoadDefault(), [pool], PoolRegion) });

    private static async Task<long> EipCountAsync(RpcTestClient client, string regionId) =>
        (await client.Vpc("DescribeEipAddresses", ("RegionId", regionId))).Success().GetProperty("TotalCount").GetInt64();

    [Fact]
    public async Task Allocate_FailsWithResourceNotEnough_WhenRegionHasNoPool()
    {
        await using var server = await StartWithPoolAsync("198.51.100.0/24");
        var client = await server.NewClientAsync();

        var r = (await client.Vpc("AllocateEipAddress", ("RegionId", PoollessRegion))).Error("ResourceNotEnough.EipAddress", 400);
        Assert.Contains($"Allocate in {PoolRegion}", r.Str("Message"));
        // Asking for an address does not change the answer: the region offers none.
        (await client.Vpc("AllocateEipAddress", ("RegionId", PoollessRegion), ("IpAddress", "198.51.100.10"))).Error("ResourceNotEnough.EipAddress", 400);
        (await client.Vpc("AllocateEipAddress", ("RegionId", PoollessRegion), ("ClientToken", Guid.NewGuid().ToString("N")))).Error("ResourceNotEnough.EipAddress", 400);

        Assert.Equal(0, await EipCountAsync(client, PoollessRegion));
        Assert.Equal(0, await EipCountAsync(client, PoolRegion));
        (await client.Vpc("AllocateEipAddress", ("RegionId", PoolRegion))).Success();
    }

    [Fact]
    public async Task Allocate_FailsWithResourceNotEnough_WhenPoolIsExhausted()
    {
        // A /29 has 8 addresses; network, gateway and broadcast leave 5.
        await using var server = await StartWithPoolAsync("198.51.100.0/29");
        var client = await server.NewClientAsync();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
            ids.Add((await client.Vpc("AllocateEipAddress", ("RegionId", PoolRegion))).Success().GetProperty("AllocationId").GetString()!);

        var r = (await client.Vpc("AllocateEipAddress", ("RegionId", PoolRegion))).Error("ResourceNotEnough.EipAddress", 400);
        Assert.Contains("Release EIPs", r.Str("Message"));
        Assert.Equal(5, await EipCountAsync(client, PoolRegion));

        (await client.Vpc("ReleaseEipAddress", ("RegionId", PoolRegion), ("AllocationId", ids[0]))).Success();
        (await client.Vpc("AllocateEipAddress", ("RegionId", PoolRegion))).Success();
        Assert.Equal(5, await EipCountAsync(client, PoolRegion));
    }
}
