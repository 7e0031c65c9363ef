using System.Globalization;
using System.Text.Json;
using Eipnet.Api.Accounts;
using Eipnet.Api.Tests.Infrastructure;
using Eipnet.Domain.Associations;
using Eipnet.Domain.Metering;
using Eipnet.Domain.Resources;
using Eipnet.Store;
using Eipnet.Store.Sql;
using Microsoft.Extensions.Time.Testing;

namespace Eipnet.Api.Tests.Program;

/// <summary>`eipnet admin bill` through the real program against a store written as the server writes it (issue 13): the seed's
/// two cases, an EIP on an ECS instance (configuration fee waived) and one on an ENI (charged).</summary>
public sealed class BillCommandTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<Backend> Backends => new() { Backend.Sqlite, Backend.Postgres };

    /// <summary>A store with one account: eip-instance on an instance's primary ENI for 24 h, eip-eni on a secondary ENI that
    /// moves to another instance at 10:30, its mode changed at 12:00 and unassociated at 18:00; 3 GB out through eip-eni.</summary>
    private static async Task<(string[] DbArgs, string AccountId)> SeedAsync(Backend backend)
    {
        var time = new FakeTimeProvider(T0);
        string[] dbArgs;
        IEipStore store;
        if (backend == Backend.Sqlite)
        {
            var dir = TestDatabases.NewSqliteDirectory();
            store = SqlStore.Sqlite(dir, time);
            dbArgs = ["--data", dir];
        }
        else
        {
            var cs = await TestDatabases.NewPostgresAsync();
            store = SqlStore.Postgres(cs, time);
            dbArgs = ["--postgres", cs];
        }
        string a;
        await using (store)
        {
            await store.MigrateAsync(Ct);
            a = (await AccountAdmin.CreateAsync(store, "billed", multiEip: true, time, Ct)).AccountId;
            NetworkInterface Eni(string id, EniType type, string instance) =>
                new(id, a, "cn-hangzhou", "cn-hangzhou-i", "vpc-1", "vsw-1", type, EniStatus.InUse, instance, type == EniType.Primary ? 0 : 1,
                    type == EniType.Primary ? "00:16:3e:00:00:01" : "00:16:3e:00:00:02", type == EniType.Primary ? "10.0.0.10" : "10.0.0.11", [], ["sg-1"], id, "", false, T0, 1);
            Eip Eip(string id, string ip, EipStatus status, Association? association) =>
                new(id, a, "cn-hangzhou", ip, status, 5, "PayByTraffic", "PostPaid", "BGP", id, "", T0, association, 1);
            async Task PutAsync<T>(T item) => await store.WriteAsync(WriteScope.Account(a), async s => { await s.PutAsync(item); return 0; }, Ct);

            await PutAsync(Eni("eni-primary", EniType.Primary, "i-one"));
            await PutAsync(Eni("eni-second", EniType.Secondary, "i-one"));
            await PutAsync(Eip("eip-instance", "198.51.100.10", EipStatus.InUse, new Association("i-one", Association.EcsInstance, "eni-primary", "10.0.0.10", AssociationMode.Nat)));
            var onEni = Eip("eip-eni", "198.51.100.11", EipStatus.InUse, new Association("eni-second", Association.NetworkInterface, "eni-second", "10.0.0.11", AssociationMode.Nat));
            await PutAsync(onEni);
            await store.RecordTrafficAsync("host-1", "boot-1", [("eip-eni", new TrafficCounters(0, 0, 0, 0))], time.GetUtcNow(), Ct);
            time.Advance(TimeSpan.FromHours(10.5));
            await PutAsync(Eni("eni-second", EniType.Secondary, "i-two"));
            await store.RecordTrafficAsync("host-1", "boot-1", [("eip-eni", new TrafficCounters(1_000_000_000, 2_000_000_000, 10, 20))], time.GetUtcNow(), Ct);
            time.Advance(TimeSpan.FromHours(1.5));
            await PutAsync(onEni with { Association = onEni.Association! with { Mode = AssociationMode.MultiBinded } });
            time.Advance(TimeSpan.FromHours(6));
            // The agent restarted: its counters begin again from zero.
            await store.RecordTrafficAsync("host-1", "boot-2", [("eip-eni", new TrafficCounters(500_000_000, 1_000_000_000, 5, 10))], time.GetUtcNow(), Ct);
            await PutAsync(onEni with { Status = EipStatus.Unassociating });
        }
        return (dbArgs, a);
    }

    private static string[] Bill(string accountId, string[] db, params string[] more) =>
        ["admin", "bill", accountId, "--from", "2026-03-01T00:00:00Z", "--to", "2026-03-02T00:00:00Z", .. more, .. db];

    [Theory, MemberData(nameof(Backends))]
    public async Task Bill_WaivesTheInstanceAndChargesTheEni_AsJson(Backend backend)
    {
        var (db, account) = await SeedAsync(backend);
        var (code, stdout, stderr) = await EipnetProcess.RunAsync(Bill(account, db, "--json"));
        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var lines = json.RootElement.GetProperty("Lines").EnumerateArray().ToDictionary(l => l.GetProperty("AllocationId").GetString()!);
        decimal D(string eip, string field) => lines[eip].GetProperty(field).GetDecimal();

        // On an instance all day: 24 h held, all waived.
        Assert.Equal((24m, 24m, 0m, 0m, 0m), (D("eip-instance", "HoursHeld"), D("eip-instance", "HoursOnInstance"), D("eip-instance", "HoursOnEni"),
            D("eip-instance", "HoursUnbound"), D("eip-instance", "ConfigFee")));
        // On an ENI for 18 h (the move at 10:30 and the mode change at 12:00 keep it on the ENI), then unbound for 6 h: all charged
        // at the default 0.005 an hour; 3 GB out (2 GB, then 1 GB after the agent's restart) at 0.08 a GB.
        Assert.Equal((24m, 0m, 18m, 6m, 0.12m), (D("eip-eni", "HoursHeld"), D("eip-eni", "HoursOnInstance"), D("eip-eni", "HoursOnEni"),
            D("eip-eni", "HoursUnbound"), D("eip-eni", "ConfigFee")));
        Assert.Equal((3_000_000_000m, 1_500_000_000m, 0.24m), (D("eip-eni", "TrafficOutBytes"), D("eip-eni", "TrafficInBytes"), D("eip-eni", "TrafficFee")));
        Assert.Equal(("USD", 0.36m), (json.RootElement.GetProperty("Currency").GetString(), json.RootElement.GetProperty("Total").GetDecimal()));
    }

    [Fact]
    public async Task Bill_PrintsCsv_AtTheCatalogsPrices()
    {
        var (db, account) = await SeedAsync(Backend.Sqlite);
        var catalog = Path.Combine(Path.GetTempPath(), $"eipnet-prices-{Guid.NewGuid():N}.json");
        var defaultCatalog = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Eipnet.Api", "Catalog", "default-catalog.json")))!;
        defaultCatalog["Prices"] = JsonSerializer.SerializeToElement(new { Currency = "EUR", ConfigFeePerHour = 0.01, TrafficPerGb = 0.1, BandwidthPerMbpsHour = 0.02 });
        File.WriteAllText(catalog, JsonSerializer.Serialize(defaultCatalog));
        try
        {
            var (code, stdout, stderr) = await EipnetProcess.RunAsync(Bill(account, db, "--csv", "--catalog", catalog));
            Assert.True(code == 0, stderr);
            var rows = stdout.TrimEnd('\n').Split('\n').Select(l => l.Split(',')).ToList();
            Assert.Equal("AllocationId", rows[0][0]);
            var eni = rows.Single(r => r[0] == "eip-eni");
            string Col(string name) => eni[Array.IndexOf(rows[0], name)];
            Assert.Equal(("24.0000", "18.0000", "6.0000", "0.2400", "0.3000", "EUR"),
                (Col("HoursHeld"), Col("HoursOnEni"), Col("HoursUnbound"), Col("ConfigFee"), Col("TrafficFee"), Col("Currency")));
            Assert.Equal("0.0000", rows.Single(r => r[0] == "eip-instance")[Array.IndexOf(rows[0], "ConfigFee")]);
        }
        finally
        {
            File.Delete(catalog);
        }
    }

    [Fact]
    public async Task Bill_Fails_ForAnUnknownAccountOrABadPeriod()
    {
        var (db, account) = await SeedAsync(Backend.Sqlite);
        var missing = await EipnetProcess.RunAsync(Bill("acc-nobody", db));
        Assert.Equal(1, missing.Code);
        Assert.Contains("InvalidAccountId.NotFound", missing.Stderr);
        var backwards = await EipnetProcess.RunAsync(["admin", "bill", account, "--from", "2026-03-02", "--to", "2026-03-01", .. db]);
        Assert.Equal(2, backwards.Code);
        var table = await EipnetProcess.RunAsync(Bill(account, db));
        Assert.Equal(0, table.Code);
        Assert.Contains("eip-eni", table.Stdout);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"total {0.36m:0.0000} USD"), table.Stdout);
    }
}
