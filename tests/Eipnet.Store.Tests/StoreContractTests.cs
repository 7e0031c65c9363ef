using Eipnet.Domain.Errors;
using Eipnet.Domain.Resources;
using Eipnet.Store.Queries;

namespace Eipnet.Store.Tests;

/// <summary>The store's contract, run unchanged against SQLite and PostgreSQL.</summary>
public sealed class StoreContractTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory, MemberData(nameof(StoreBackends.Both), MemberType = typeof(StoreBackends))]
    public async Task Put_ThenGetAndList_RoundTripsDocuments(string backend)
    {
        await using var store = await StoreBackends.OpenAsync(backend);
        await store.WriteAsync(WriteScope.Account("acc-1"), async s =>
        {
            for (var i = 0; i < 25; i++)
                await s.PutAsync(Docs.Eip($"eip-{i:D2}", $"198.51.100.{i + 2}", status: i % 5 == 0 ? EipStatus.InUse : EipStatus.Available,
                    association: i % 5 == 0 ? Docs.Nat("eni-1", $"10.0.0.{i + 2}") : null));
            await s.PutAsync(Docs.Eip("eip-other", "198.51.100.200", account: "acc-2"));
            return 0;
        }, Ct);

        var (got, page2, count, inUse) = await store.ReadAsync(async s => (
            await s.GetAsync<Eip>("eip-03"),
            await s.ListAsync<Eip>(DocQuery.Where("account_id", "acc-1").Paged(2, 10)),
            await s.CountAsync<Eip>(DocQuery.Where("account_id", "acc-1")),
            await s.ListAsync<Eip>(DocQuery.Where("account_id", "acc-1").And("status", "InUse"))), Ct);

        Assert.Equal("198.51.100.5", got!.IpAddress);
        Assert.Equal(25, count);
        Assert.Equal(Enumerable.Range(10, 10).Select(i => $"eip-{i:D2}"), page2.Select(e => e.AllocationId));
        Assert.Equal(["eip-00", "eip-05", "eip-10", "eip-15", "eip-20"], inUse.Select(e => e.AllocationId));
        Assert.Equal("10.0.0.2", inUse[0].Association!.PrivateIpAddress);
    }

    [Theory, MemberData(nameof(StoreBackends.Both), MemberType = typeof(StoreBackends))]
    public async Task Write_RollsBack_WhenWorkThrows(string backend)
    {
        await using var store = await StoreBackends.OpenAsync(backend);
        await Assert.ThrowsAsync<EipException>(() => store.WriteAsync<int>(WriteScope.Account("acc-1"), async s =>
        {
            await s.PutAsync(Docs.Eip("eip-1", "198.51.100.2"));
            throw new EipException(EipError.TaskConflict());
        }, Ct));
        Assert.Null(await store.ReadAsync(s => s.GetAsync<Eip>("eip-1"), Ct));
        Assert.Empty((await store.ReadChangesAsync(0, Ct)).Changed);
    }

    [Theory, MemberData(nameof(StoreBackends.Both), MemberType = typeof(StoreBackends))]
    public async Task Write_FailsWithTaskConflict_WhenResourceChangeInFlight(string backend)
    {
        await using var store = await StoreBackends.OpenAsync(backend);
        var inside = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var first = store.WriteAsync(WriteScope.Account("acc-1", "eip-1"), async s =>
        {
            await s.PutAsync(Docs.Eip("eip-1", "198.51.100.2"));
            inside.SetResult();
            await release.Task;
            return 1;
        }, Ct);
        await inside.Task;
        var second = await Assert.ThrowsAsync<EipException>(() =>
            store.WriteAsync(WriteScope.Account("acc-1", "eip-1"), s => Task.FromResult(2), Ct));
        release.SetResult();
        Assert.Equal(1, await first);
        Assert.Equal("TaskConflict", second.Error.Code);
    }

    [Theory, MemberData(nameof(StoreBackends.Both), MemberType = typeof(StoreBackends))]
    public async Task UniqueIndex_RejectsSecondEipOnOnePrivateIp_AsTaskConflict(string backend)
    {
        await using var store = await StoreBackends.OpenAsync(backend);
        await store.WriteAsync(WriteScope.Account("acc-1"), async s =>
        {
            await s.PutAsync(Docs.Eip("eip-1", "198.51.100.2", status: EipStatus.InUse, association: Docs.Nat("eni-1", "10.0.0.5")));
            return 0;
        }, Ct);
        var e = await Assert.ThrowsAsync<EipException>(() => store.WriteAsync(WriteScope.Account("acc-1"), async s =>
        {
            await s.PutAsync(Docs.Eip("eip-2", "198.51.100.3", status: EipStatus.InUse, association: Docs.Nat("eni-1", "10.0.0.5")));
            return 0;
        }, Ct));
        Assert.Equal("TaskConflict", e.Error.Code);
    }

    [Theory, MemberData(nameof(StoreBackends.Both), MemberType = typeof(StoreBackends))]
    public async Task PrivateIpClaim_HasExactlyOneWinner_UnderConcurrency(string backend)
    {
        await using var store = await StoreBackends.OpenAsync(backend);
        var attempts = Enumerable.Range(0, 16).Select(i => Task.Run(() =>
            store.WriteAsync(WriteScope.Account($"acc-{i}"), s => s.TryClaimPrivateIpAsync("vsw-1", "10.0.0.7", $"eni-{i}"), Ct)));
        var results = await Task.WhenAll(attempts);
        Assert.Equal(1, results.Count(won => won));
        Assert.Single(await store.ReadAsync(s => s.UsedPrivateIpsAsync("vsw-1"), Ct));
    }

    [Theory, MemberData(nameof(StoreBackends.Both), MemberType = typeof(StoreBackends))]
    public async Task Changes_ListWhatChangedAfterRevision_AndTransitionsEndWhenApplied(string backend)
    {
        await using var store = await StoreBackends.OpenAsync(backend);
        var rev1 = await store.WriteAsync(WriteScope.Account("acc-1"), async s =>
        {
            await s.PutAsync(Docs.Eip("eip-1", "198.51.100.2"));
            return await s.RevisionAsync();
        }, Ct);
        var rev2 = await store.WriteAsync(WriteScope.Account("acc-1"), async s =>
        {
            var rev = await s.RevisionAsync();
            await s.PutAsync(Docs.Eip("eip-1", "198.51.100.2", status: EipStatus.Associating, association: Docs.Nat("eni-1", "10.0.0.5"), revision: rev));
            await s.PutAsync(Docs.Eip("eip-2", "198.51.100.3", status: EipStatus.Unassociating, association: Docs.Nat("eni-1", "10.0.0.6"), revision: rev));
            return rev;
        }, Ct);
        Assert.True(rev2 > rev1);

        var changes = await store.ReadChangesAsync(rev1, Ct);
        Assert.Equal(rev2, changes.Revision);
        Assert.Equal([("eip", "eip-1"), ("eip", "eip-2")], changes.Changed.OrderBy(c => c.Id));

        Assert.Equal(0, (await store.CompleteTransitionsAsync(rev1, Docs.T0, Ct)).Completed);
        Assert.Equal(2, (await store.CompleteTransitionsAsync(rev2, Docs.T0, Ct)).Completed);
        var (eip1, eip2) = await store.ReadAsync(async s => (await s.GetAsync<Eip>("eip-1"), await s.GetAsync<Eip>("eip-2")), Ct);
        Assert.Equal(EipStatus.InUse, eip1!.Status);
        Assert.Equal(EipStatus.Available, eip2!.Status);
        Assert.Null(eip2.Association);
        Assert.Equal(rev2, await store.AppliedRevisionAsync(Ct));
        Assert.Empty((await store.ReadChangesAsync(0, Ct)).Changed);
    }

    [Theory, MemberData(nameof(StoreBackends.Both), MemberType = typeof(StoreBackends))]
    public async Task ClientToken_IsOwnedByFirstClaim(string backend)
    {
        await using var store = await StoreBackends.OpenAsync(backend);
        Assert.Equal(TokenClaimState.Claimed, (await store.ClaimTokenAsync("acc-1", "tok", "AssociateEipAddress", "h1", Docs.T0, Ct)).State);
        Assert.Equal(TokenClaimState.InProgress, (await store.ClaimTokenAsync("acc-1", "tok", "AssociateEipAddress", "h1", Docs.T0, Ct)).State);
        Assert.Equal(TokenClaimState.Mismatch, (await store.ClaimTokenAsync("acc-1", "tok", "AssociateEipAddress", "h2", Docs.T0, Ct)).State);
        Assert.Equal(TokenClaimState.Claimed, (await store.ClaimTokenAsync("acc-2", "tok", "AssociateEipAddress", "h2", Docs.T0, Ct)).State);
        await store.CompleteTokenAsync("acc-1", "tok", "{\"RequestId\":\"x\"}", Ct);
        var done = await store.ClaimTokenAsync("acc-1", "tok", "AssociateEipAddress", "h1", Docs.T0, Ct);
        Assert.Equal((TokenClaimState.Completed, "{\"RequestId\":\"x\"}"), (done.State, done.Response));
    }

    [Theory, MemberData(nameof(StoreBackends.Both), MemberType = typeof(StoreBackends))]
    public async Task ClientToken_CanBeRetaken_WhenReleasedOrAbandoned(string backend)
    {
        await using var store = await StoreBackends.OpenAsync(backend);
        await store.ClaimTokenAsync("acc-1", "tok", "A", "h", Docs.T0, Ct);
        await store.ReleaseTokenAsync("acc-1", "tok", Ct);
        Assert.Equal(TokenClaimState.Claimed, (await store.ClaimTokenAsync("acc-1", "tok", "A", "h", Docs.T0, Ct)).State);
        Assert.Equal(TokenClaimState.Claimed, (await store.ClaimTokenAsync("acc-1", "tok", "A", "h", Docs.T0.AddMinutes(10), Ct)).State);
    }

    [Theory, MemberData(nameof(StoreBackends.Both), MemberType = typeof(StoreBackends))]
    public async Task Nonce_IsAcceptedOnce_UntilPruned(string backend)
    {
        await using var store = await StoreBackends.OpenAsync(backend);
        Assert.Equal(["n1", "n2"], (await store.UseNoncesAsync(["n1", "n2"], Docs.T0, Ct)).Order());
        Assert.Equal(["n3"], await store.UseNoncesAsync(["n1", "n3"], Docs.T0.AddMinutes(1), Ct));
        await store.PruneNoncesAsync(Docs.T0.AddMinutes(20), Ct);
        Assert.Equal(["n1"], await store.UseNoncesAsync(["n1"], Docs.T0.AddMinutes(21), Ct));
    }

    [Theory, MemberData(nameof(StoreBackends.Both), MemberType = typeof(StoreBackends))]
    public async Task Migrate_IsIdempotent(string backend)
    {
        await using var store = await StoreBackends.OpenAsync(backend);
        await store.MigrateAsync(Ct);
        await store.MigrateAsync(Ct);
        Assert.Equal(0, await store.AppliedRevisionAsync(Ct));
    }

    [Theory, MemberData(nameof(StoreBackends.Both), MemberType = typeof(StoreBackends))]
    public async Task EipCounts_MatchCountStar_AfterPutsDeletesAndTransitions(string backend)
    {
        await using var store = await StoreBackends.OpenAsync(backend);
        var random = new Random(11);
        var statuses = Enum.GetValues<EipStatus>();
        for (var round = 0; round < 6; round++)
        {
            await store.WriteAsync(WriteScope.Account("acc-1"), async s =>
            {
                var rev = await s.RevisionAsync();
                for (var i = 0; i < 40; i++)
                {
                    var id = $"eip-{random.Next(60)}";
                    if (random.Next(5) == 0)
                    {
                        await s.DeleteAsync<Eip>(id);
                        continue;
                    }
                    var status = statuses[random.Next(statuses.Length)];
                    var association = status == EipStatus.Available ? null : Docs.Nat("eni-" + id, "10.0.0.1");
                    await s.PutAsync(Docs.Eip(id, "198.51.100." + id[4..], account: random.Next(2) == 0 ? "acc-1" : "acc-2", status: status, association: association, revision: rev));
                }
                return 0;
            }, Ct);
            if (round % 2 == 1)
                await store.CompleteTransitionsAsync(long.MaxValue - 1, Docs.T0, Ct);
            foreach (var account in new[] { "acc-1", "acc-2" })
            {
                foreach (var status in statuses)
                {
                    var byCounter = await store.ReadAsync(s => s.CountAsync<Eip>(DocQuery.Where("account_id", account).And("region_id", "cn-hangzhou").And("status", status.ToString())), Ct);
                    var byScan = await store.ReadAsync(s => s.CountAsync<Eip>(DocQuery.Where("account_id", account).And("region_id", "cn-hangzhou").And("status", status.ToString()).AndNot("id", "-")), Ct);
                    Assert.Equal(byScan, byCounter);
                }
                var all = await store.ReadAsync(s => s.CountAsync<Eip>(DocQuery.Where("account_id", account).And("region_id", "cn-hangzhou")), Ct);
                var allScan = await store.ReadAsync(s => s.CountAsync<Eip>(DocQuery.Where("account_id", account).And("region_id", "cn-hangzhou").AndNot("id", "-")), Ct);
                Assert.Equal(allScan, all);
            }
        }
    }

    [Theory, MemberData(nameof(StoreBackends.Both), MemberType = typeof(StoreBackends))]
    public async Task CompleteTransitions_DefersResourceThatIsBeingChanged_AndEndsItLater(string backend)
    {
        await using var store = await StoreBackends.OpenAsync(backend);
        var rev = await store.WriteAsync(WriteScope.Account("acc-1"), async s =>
        {
            var r = await s.RevisionAsync();
            await s.PutAsync(Docs.Eip("eip-1", "198.51.100.2", status: EipStatus.Associating, association: Docs.Nat("eni-1", "10.0.0.5"), revision: r));
            return r;
        }, Ct);
        var inside = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var holder = Task.Run(() => store.WriteAsync(WriteScope.ResourcesOnly("acc-1", "eip-1"), async s =>
        {
            inside.SetResult();
            await release.Task;
            return 0;
        }, Ct));
        await inside.Task;
        // On SQLite the holder also holds the single writer slot, so the pass can only finish once the holder is done;
        // the holder is released long after the pass has given up on the EIP's lock (a few tens of milliseconds).
        var completing = Task.Run(() => store.CompleteTransitionsAsync(rev, Docs.T0, Ct));
        await Task.Delay(1000);
        release.SetResult();
        await holder;
        Assert.Equal(new TransitionOutcome(0, 1), await completing);
        Assert.Equal(new TransitionOutcome(1, 0), await store.CompleteTransitionsAsync(rev, Docs.T0, Ct));
        Assert.Equal(EipStatus.InUse, (await store.ReadAsync(s => s.GetAsync<Eip>("eip-1"), Ct))!.Status);
    }
}
