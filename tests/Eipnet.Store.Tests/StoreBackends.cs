using Eipnet.Api.Tests.Infrastructure;
using Eipnet.Store;
using Eipnet.Store.Sql;

namespace Eipnet.Store.Tests;

/// <summary>Opens a migrated store on a fresh SQLite file or a fresh PostgreSQL database.</summary>
public static class StoreBackends
{
    public static TheoryData<string> Both => new() { "sqlite", "postgres" };

    public static async Task<IEipStore> OpenAsync(string backend, TimeProvider? time = null)
    {
        IEipStore store = backend == "sqlite"
            ? SqlStore.Sqlite(TestDatabases.NewSqliteDirectory(), time)
            : SqlStore.Postgres(await TestDatabases.NewPostgresAsync(), time);
        await store.MigrateAsync(CancellationToken.None);
        return store;
    }
}
