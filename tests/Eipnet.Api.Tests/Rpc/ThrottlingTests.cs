using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Rpc;

/// <summary>Per-account throttling (issue 12): off by default; with a rate, an account beyond it gets Throttling.User
/// (400), and nothing it asked for runs, while other accounts are served.</summary>
public sealed class ThrottlingTests
{
    [Fact]
    public async Task AnAccountOverItsRate_GetsThrottlingUser_AndOthersAreServed()
    {
        await using var server = await TestServer.StartAsync(configure: o => o with { AccountRequestsPerSecond = 2 });
        var busy = await server.NewClientAsync(eipQuota: 100);
        var calm = await server.NewClientAsync();

        var results = new List<RpcResult>();
        for (var i = 0; i < 40; i++)
            results.Add(await busy.Vpc("AllocateEipAddress", ("RegionId", Fixtures.Region)));
        var throttled = results.Where(r => !r.Ok).ToList();
        Assert.NotEmpty(throttled);
        Assert.All(throttled, r => r.Error("Throttling.User", 400));
        // Forty calls take far less than the eighteen seconds that would refill forty tokens.
        Assert.True(results.Count(r => r.Ok) < 40);

        (await calm.Vpc("DescribeRegions")).Success();
        // Throttled calls allocated nothing: the EIPs that exist are the calls that succeeded.
        var listed = await Fixtures.WaitForAsync("a token for the busy account",
            async () => await busy.Vpc("DescribeEipAddresses", ("RegionId", Fixtures.Region), ("PageSize", "100")) is { Ok: true } r ? r.Body : null, _ => true);
        Assert.Equal(results.Count(r => r.Ok), listed.GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task ByDefault_NoAccountIsThrottled()
    {
        await using var server = await TestServer.StartAsync();
        var c = await server.NewClientAsync();
        for (var i = 0; i < 60; i++)
            (await c.Vpc("DescribeRegions")).Success();
    }
}
