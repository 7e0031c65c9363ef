using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Terraform;

/// <summary>What every replay checks after an apply: the resource reads back, the plan against its configuration is
/// empty, and a second refresh reads the same state.</summary>
public static class Replay
{
    public static TheoryData<Backend> Backends => new() { Backend.Sqlite, Backend.Postgres };

    public static async Task<TerraformState> ReadAndCheckPlanAsync(Func<Task<TerraformState?>> read, string what, TerraformConfig config,
        IReadOnlyList<(string Name, bool Computed)> optional)
    {
        var state = await read() ?? throw new Xunit.Sdk.XunitException($"{what} read as gone");
        Assert.Empty(state.PlanAgainst(config, optional));
        var again = await read();
        Assert.Equal(state.Attributes, again!.Attributes);
        Assert.Equal(state.Tags, again.Tags);
        return state;
    }

    /// <summary>A provider-shaped client for a new account on the server, and an SDK-shaped one for the same account (to
    /// make what a replay needs but does not replay).</summary>
    public static async Task<(ProviderClient Provider, RpcTestClient Api)> ClientsAsync(TestServer server)
    {
        var api = await server.NewClientAsync();
        return (new ProviderClient(server.Server.Endpoint, api.Account), api);
    }

    /// <summary>Calls <paramref name="call"/> until it succeeds, as the provider's retry loops do for the codes it retries
    /// on; any other error fails. Bounded by <see cref="Fixtures.WaitForAsync"/>'s limit.</summary>
    public static async Task<System.Text.Json.JsonElement> RetryAsync(string what, Func<Task<RpcResult>> call, params string[] retryOn)
    {
        RpcResult? last = null;
        return await Fixtures.WaitForAsync(what, async () =>
        {
            last = await call();
            if (last.Ok)
                return last.Body;
            Assert.True(retryOn.Contains(last.Code), $"{what}: {last.Raw}");
            return null;
        }, _ => true);
    }

    /// <summary>A provider's delete loop: calls <paramref name="call"/> until it succeeds or answers one of
    /// <paramref name="done"/> (not-found codes that count as deleted), retrying on <paramref name="retryOn"/>.</summary>
    /// <returns>Null when the delete went through; else the error that ended it (one the provider does not retry).</returns>
    public static async Task<RpcResult?> DeleteAsync(string what, Func<Task<RpcResult>> call, string[] retryOn, params string[] done)
    {
        RpcResult? refused = null;
        await Fixtures.WaitForAsync(what, async () =>
        {
            var r = await call();
            if (r.Ok || done.Contains(r.Code))
                return r.Body;
            if (retryOn.Contains(r.Code))
                return null;
            refused = r;
            return r.Body;
        }, _ => true);
        return refused;
    }

    /// <summary>A provider-shaped client for a new account on the server.</summary>
    public static async Task<ProviderClient> ClientAsync(TestServer server) =>
        new(server.Server.Endpoint, (await server.NewClientAsync()).Account);
}
