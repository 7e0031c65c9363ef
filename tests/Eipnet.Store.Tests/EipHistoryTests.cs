using Eipnet.Domain.Associations;
using Eipnet.Domain.Billing;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Resources;
using Microsoft.Extensions.Time.Testing;

namespace Eipnet.Store.Tests;

/// <summary>The EIP history the store records with each change of an EIP, in the same transaction (issue 13).</summary>
public sealed class EipHistoryTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateTimeOffset T0 = Docs.T0;

    private static Association OnInstance(string instance, string primaryEni) =>
        new(instance, Association.EcsInstance, primaryEni, "10.0.0.10", AssociationMode.Nat);

    private static Association OnEni(string eni, AssociationMode mode) =>
        new(eni, Association.NetworkInterface, eni, "10.0.0.10", mode);

    private static async Task PutAsync<T>(IEipStore store, T item) =>
        await store.WriteAsync(WriteScope.Account("acc-1"), async s => { await s.PutAsync(item); return 0; }, Ct);

    private static Task<IReadOnlyList<EipSegment>> HistoryAsync(IEipStore store) =>
        store.EipHistoryAsync("acc-1", T0, T0.AddDays(1), Ct);

    [Theory, MemberData(nameof(StoreBackends.Both), MemberType = typeof(StoreBackends))]
    public async Task History_RecordsBindAndUnbind_OnInstanceUntilRelease(string backend)
    {
        var time = new FakeTimeProvider(T0);
        await using var store = await StoreBackends.OpenAsync(backend, time);
        await PutAsync(store, Docs.Eni("eni-p", EniType.Primary, "i-1"));
        var eip = Docs.Eip("eip-1", "198.51.100.2");
        await PutAsync(store, eip);
        time.Advance(TimeSpan.FromMinutes(10));
        var bound = eip with { Status = EipStatus.Associating, Association = OnInstance("i-1", "eni-p") };
        await PutAsync(store, bound);
        time.Advance(TimeSpan.FromMinutes(1));
        await PutAsync(store, bound with { Status = EipStatus.InUse, Name = "renamed" }); // nothing billing looks at changed
        time.Advance(TimeSpan.FromMinutes(49));
        await PutAsync(store, Transitions.BeginUnassociate(bound with { Status = EipStatus.InUse }, 5));
        time.Advance(TimeSpan.FromMinutes(30));
        await store.WriteAsync(WriteScope.Account("acc-1"), async s => { await s.DeleteAsync<Eip>("eip-1"); return 0; }, Ct);

        var history = await HistoryAsync(store);
        Assert.Equal(
            [(null, T0, T0.AddMinutes(10)),
             (new EipBinding("EcsInstance", "i-1", "eni-p", true, AssociationMode.Nat), T0.AddMinutes(10), T0.AddMinutes(60)),
             (null, T0.AddMinutes(60), (DateTimeOffset?)T0.AddMinutes(90))],
            history.Select(h => (h.Binding, h.From, h.To)));
        Assert.All(history, h => Assert.Equal(("eip-1", "acc-1", "198.51.100.2", 5), (h.AllocationId, h.AccountId, h.IpAddress, h.Bandwidth)));
    }

    [Theory, MemberData(nameof(StoreBackends.Both), MemberType = typeof(StoreBackends))]
    public async Task History_KeepsEniBinding_WhenEniMovesBetweenInstances(string backend)
    {
        var time = new FakeTimeProvider(T0);
        await using var store = await StoreBackends.OpenAsync(backend, time);
        await PutAsync(store, Docs.Eni("eni-s", EniType.Secondary, "i-1"));
        await PutAsync(store, Docs.Eip("eip-1", "198.51.100.2", status: EipStatus.InUse, association: OnEni("eni-s", AssociationMode.Nat)));
        time.Advance(TimeSpan.FromMinutes(20));
        await PutAsync(store, Docs.Eni("eni-s", EniType.Secondary, null) with { Status = EniStatus.Detaching, InstanceId = "i-1" });
        time.Advance(TimeSpan.FromMinutes(5));
        await PutAsync(store, Docs.Eni("eni-s", EniType.Secondary, "i-2"));

        var history = await HistoryAsync(store);
        var only = Assert.Single(history);
        Assert.Equal(new EipBinding("NetworkInterface", "eni-s", "eni-s", false, AssociationMode.Nat), only.Binding);
        Assert.Equal((T0, (DateTimeOffset?)null), (only.From, only.To));
    }

    [Theory, MemberData(nameof(StoreBackends.Both), MemberType = typeof(StoreBackends))]
    public async Task History_SplitsSegments_OnModeAndBandwidthChanges(string backend)
    {
        var time = new FakeTimeProvider(T0);
        await using var store = await StoreBackends.OpenAsync(backend, time);
        await PutAsync(store, Docs.Eni("eni-s", EniType.Secondary, null));
        var eip = Docs.Eip("eip-1", "198.51.100.2", status: EipStatus.InUse, association: OnEni("eni-s", AssociationMode.Nat));
        await PutAsync(store, eip);
        time.Advance(TimeSpan.FromMinutes(15));
        var cutThrough = eip with { Status = EipStatus.Associating, Association = OnEni("eni-s", AssociationMode.Binded) };
        await PutAsync(store, cutThrough);
        time.Advance(TimeSpan.FromMinutes(15));
        await PutAsync(store, cutThrough with { Status = EipStatus.InUse, Bandwidth = 20 });

        var history = await HistoryAsync(store);
        Assert.Equal(
            [(AssociationMode.Nat, 5, T0, T0.AddMinutes(15)),
             (AssociationMode.Binded, 5, T0.AddMinutes(15), T0.AddMinutes(30)),
             (AssociationMode.Binded, 20, T0.AddMinutes(30), (DateTimeOffset?)null)],
            history.Select(h => (h.Binding!.Mode, h.Bandwidth, h.From, h.To)));
        var bindings = EipHistory.Bindings(history);
        Assert.Equal([(AssociationMode.Nat, T0, T0.AddMinutes(15)), (AssociationMode.Binded, T0.AddMinutes(15), (DateTimeOffset?)null)],
            bindings.Select(b => (b.Binding.Mode, b.From, b.To)));
    }

    [Theory, MemberData(nameof(StoreBackends.Both), MemberType = typeof(StoreBackends))]
    public async Task History_IsRolledBack_WithTheChange(string backend)
    {
        var time = new FakeTimeProvider(T0);
        await using var store = await StoreBackends.OpenAsync(backend, time);
        await PutAsync(store, Docs.Eip("eip-1", "198.51.100.2"));
        time.Advance(TimeSpan.FromMinutes(5));
        await Assert.ThrowsAsync<EipException>(() => store.WriteAsync<int>(WriteScope.Account("acc-1"), async s =>
        {
            await s.PutAsync(Docs.Eip("eip-1", "198.51.100.2", status: EipStatus.Associating, association: OnEni("eni-s", AssociationMode.Nat)));
            throw new EipException(EipError.TaskConflict());
        }, Ct));

        var only = Assert.Single(await HistoryAsync(store));
        Assert.Equal((null, T0, (DateTimeOffset?)null), (only.Binding, only.From, only.To));
    }

    [Theory, MemberData(nameof(StoreBackends.Both), MemberType = typeof(StoreBackends))]
    public async Task History_IsUnchanged_ByTheDataPlaneEndingAnUnassociation(string backend)
    {
        var time = new FakeTimeProvider(T0);
        await using var store = await StoreBackends.OpenAsync(backend, time);
        await PutAsync(store, Docs.Eni("eni-p", EniType.Primary, "i-1"));
        await PutAsync(store, Docs.Eip("eip-1", "198.51.100.2", status: EipStatus.InUse, association: OnInstance("i-1", "eni-p")));
        time.Advance(TimeSpan.FromMinutes(5));
        await PutAsync(store, Docs.Eip("eip-1", "198.51.100.2", status: EipStatus.Unassociating, association: OnInstance("i-1", "eni-p"), revision: 7));
        time.Advance(TimeSpan.FromMinutes(5));
        await store.CompleteTransitionsAsync(100, time.GetUtcNow(), Ct);

        Assert.Equal(EipStatus.Available, (await store.ReadAsync(s => s.GetAsync<Eip>("eip-1"), Ct))!.Status);
        Assert.Equal([(true, T0, T0.AddMinutes(5)), (false, T0.AddMinutes(5), (DateTimeOffset?)null)],
            (await HistoryAsync(store)).Select(h => (h.Binding is not null, h.From, h.To)));
    }

    [Theory, MemberData(nameof(StoreBackends.Both), MemberType = typeof(StoreBackends))]
    public async Task History_ReadsOnlySegmentsOverlappingThePeriod_OfTheAccount(string backend)
    {
        var time = new FakeTimeProvider(T0);
        await using var store = await StoreBackends.OpenAsync(backend, time);
        await PutAsync(store, Docs.Eip("eip-1", "198.51.100.2"));
        await PutAsync(store, Docs.Eip("eip-x", "198.51.100.3", account: "acc-2"));
        time.Advance(TimeSpan.FromHours(2));
        await PutAsync(store, Docs.Eip("eip-1", "198.51.100.2") with { Bandwidth = 10 });

        Assert.Equal([5], (await store.EipHistoryAsync("acc-1", T0.AddHours(1), T0.AddHours(2), Ct)).Select(h => h.Bandwidth));
        Assert.Equal([5, 10], (await store.EipHistoryAsync("acc-1", T0.AddHours(1), T0.AddHours(3), Ct)).Select(h => h.Bandwidth));
        Assert.Equal([10], (await store.EipHistoryAsync("acc-1", T0.AddHours(2), T0.AddHours(3), Ct)).Select(h => h.Bandwidth));
        Assert.Equal(["eip-x"], (await store.EipHistoryAsync("acc-2", T0, T0.AddHours(3), Ct)).Select(h => h.AllocationId));
    }
}
