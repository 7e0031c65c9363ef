using Eipnet.Domain.Billing;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Metering;

namespace Eipnet.Store.Tests;

/// <summary>Agents' counters stored as per-minute samples (issue 13), on SQLite and PostgreSQL.</summary>
public sealed class TrafficStoreTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateTimeOffset T0 = Docs.T0;

    private static async Task<IEipStore> WithEipsAsync(string backend)
    {
        var store = await StoreBackends.OpenAsync(backend);
        await store.WriteAsync(WriteScope.Account("acc-1"), async s =>
        {
            await s.PutAsync(Docs.Eip("eip-1", "198.51.100.2"));
            await s.PutAsync(Docs.Eip("eip-2", "198.51.100.3"));
            await s.PutAsync(Docs.Eip("eip-x", "198.51.100.4", account: "acc-2"));
            return 0;
        }, Ct);
        return store;
    }

    private static TrafficCounters C(long rx, long tx) => new(rx, tx, rx / 100, tx / 100);

    [Theory, MemberData(nameof(StoreBackends.Both), MemberType = typeof(StoreBackends))]
    public async Task Record_StoresDeltasPerMinute_AcrossRestartsAndAgents(string backend)
    {
        await using var store = await WithEipsAsync(backend);
        await store.RecordTrafficAsync("host-1", "boot-1", [("eip-1", C(1000, 2000))], T0.AddSeconds(10), Ct);
        await store.RecordTrafficAsync("host-1", "boot-1", [("eip-1", C(1500, 2600))], T0.AddSeconds(50), Ct);
        var third = await store.RecordTrafficAsync("host-1", "boot-1", [("eip-1", C(1800, 2700)), ("eip-gone", C(5, 5))], T0.AddSeconds(70), Ct);
        // The agent restarted; another host carries the EIP too (an ENI moving between hosts): both add up.
        await store.RecordTrafficAsync("host-1", "boot-2", [("eip-1", C(100, 100))], T0.AddSeconds(80), Ct);
        await store.RecordTrafficAsync("host-2", "boot-9", [("eip-1", C(7, 3)), ("eip-x", C(40, 60))], T0.AddSeconds(90), Ct);

        Assert.Equal([("eip-1", new EipTraffic(300, 100, 3, 1))], third);
        var samples = await store.EipTrafficSamplesAsync("eip-1", T0, T0.AddMinutes(5), Ct);
        Assert.Equal([(T0, new EipTraffic(1500, 2600, 15, 26)), (T0.AddMinutes(1), new EipTraffic(407, 203, 4, 2))], samples);
        Assert.Empty(await store.EipTrafficSamplesAsync("eip-1", T0.AddMinutes(2), T0.AddMinutes(5), Ct));

        var totals = await store.EipTrafficAsync("acc-1", T0, T0.AddMinutes(5), Ct);
        Assert.Equal(new EipTraffic(1907, 2803, 19, 28), Assert.Single(totals).Value);
        Assert.Equal(new EipTraffic(40, 60, 0, 0), (await store.EipTrafficAsync("acc-2", T0, T0.AddMinutes(5), Ct))["eip-x"]);
    }

    [Theory, MemberData(nameof(StoreBackends.Both), MemberType = typeof(StoreBackends))]
    public async Task Record_RefusesASecondReportOfOneAgent_WhileTheFirstIsStored(string backend)
    {
        await using var store = await WithEipsAsync(backend);
        var inside = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        // The traffic lock is the agent's: a write holding it stands in for a report being stored.
        var first = store.WriteAsync(new WriteScope(null, ["traffic:host-1"]), async _ =>
        {
            inside.SetResult();
            await release.Task;
            return 0;
        }, Ct);
        await inside.Task;
        var e = await Assert.ThrowsAsync<EipException>(() => store.RecordTrafficAsync("host-1", "boot-1", [("eip-1", C(1, 1))], T0, Ct));
        Assert.Equal("TaskConflict", e.Error.Code);
        release.SetResult();
        await first;
        Assert.Single(await store.RecordTrafficAsync("host-1", "boot-1", [("eip-1", C(1, 1))], T0, Ct));
    }
}
