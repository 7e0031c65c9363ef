using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Rpc;

/// <summary>SPEC, State and asynchrony: ClientToken returns the first success, rejects other parameters, and is held by the database.</summary>
public sealed class ClientTokenTests
{
    public static TheoryData<Backend> Backends => new() { Backend.Sqlite, Backend.Postgres };

    private static async Task<long> CountAsync(RpcTestClient c) =>
        (await c.Vpc("DescribeEipAddresses", ("RegionId", "cn-hangzhou"))).Success().GetProperty("TotalCount").GetInt64();

    [Theory, MemberData(nameof(Backends))]
    public async Task SameToken_ReturnsFirstSuccess_AndCreatesOnce(Backend backend)
    {
        await using var server = await TestServer.StartAsync(backend);
        var c = await server.NewClientAsync();
        var first = (await c.Vpc("AllocateEipAddress", ("RegionId", "cn-hangzhou"), ("ClientToken", "tok-1"))).Success();
        var again = (await c.Vpc("AllocateEipAddress", ("RegionId", "cn-hangzhou"), ("ClientToken", "tok-1"))).Success();
        Assert.Equal(first.GetProperty("AllocationId").GetString(), again.GetProperty("AllocationId").GetString());
        Assert.Equal(first.GetProperty("RequestId").GetString(), again.GetProperty("RequestId").GetString());
        Assert.Equal(1, await CountAsync(c));
    }

    [Fact]
    public async Task SameToken_WithOtherParameters_FailsWithIdempotentParameterMismatch()
    {
        await using var server = await TestServer.StartAsync();
        var c = await server.NewClientAsync();
        (await c.Vpc("AllocateEipAddress", ("RegionId", "cn-hangzhou"), ("ClientToken", "tok-1"), ("Bandwidth", "5"))).Success();
        (await c.Vpc("AllocateEipAddress", ("RegionId", "cn-hangzhou"), ("ClientToken", "tok-1"), ("Bandwidth", "6"))).Error("IdempotentParameterMismatch", 400);
        Assert.Equal(1, await CountAsync(c));
    }

    [Fact]
    public async Task SameToken_InAnotherAccount_IsIndependent()
    {
        await using var server = await TestServer.StartAsync();
        var a = await server.NewClientAsync();
        var b = await server.NewClientAsync();
        var x = (await a.Vpc("AllocateEipAddress", ("RegionId", "cn-hangzhou"), ("ClientToken", "shared"))).Success();
        var y = (await b.Vpc("AllocateEipAddress", ("RegionId", "cn-hangzhou"), ("ClientToken", "shared"))).Success();
        Assert.NotEqual(x.GetProperty("AllocationId").GetString(), y.GetProperty("AllocationId").GetString());
    }

    [Fact]
    public async Task FailedCall_DoesNotKeepToken_SoRetryWithSameTokenWorks()
    {
        await using var server = await TestServer.StartAsync();
        var c = await server.NewClientAsync(eipQuota: 1);
        (await c.Vpc("AllocateEipAddress", ("RegionId", "cn-hangzhou"))).Success();
        (await c.Vpc("AllocateEipAddress", ("RegionId", "cn-hangzhou"), ("ClientToken", "tok-2"))).Error("QuotaExceeded.Eip", 400);
        await server.SetQuotaAsync(c.Account.AccountId, "eips", 2);
        (await c.Vpc("AllocateEipAddress", ("RegionId", "cn-hangzhou"), ("ClientToken", "tok-2"))).Success();
        Assert.Equal(2, await CountAsync(c));
    }

    [Fact]
    public async Task TokenLongerThan64_FailsWithInvalidParameter()
    {
        await using var server = await TestServer.StartAsync();
        var c = await server.NewClientAsync();
        (await c.Vpc("AllocateEipAddress", ("RegionId", "cn-hangzhou"), ("ClientToken", new string('t', 65)))).Error("InvalidParameter", 400);
        Assert.Equal(0, await CountAsync(c));
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task ConcurrentCallsWithOneToken_CreateExactlyOnce(Backend backend)
    {
        await using var server = await TestServer.StartAsync(backend);
        var c = await server.NewClientAsync();
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ =>
            Task.Run(() => c.Vpc("AllocateEipAddress", ("RegionId", "cn-hangzhou"), ("ClientToken", "burst")))));
        Assert.All(results, r => Assert.True(r.Ok || r.Code == "LastTokenProcessing", r.Raw));
        Assert.Single(results.Where(r => r.Ok).Select(r => r.Str("AllocationId")).Distinct());
        Assert.Equal(1, await CountAsync(c));
    }
}
