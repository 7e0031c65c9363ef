using Eipnet.Api.Accounts;
using Eipnet.Api.Hosting;
using Eipnet.Domain.Resources;

namespace Eipnet.Api.Tests.Infrastructure;

/// <summary>A real control plane on a loopback port with a fresh database, and a client per account.</summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly string? sqliteDirectory;

    private TestServer(RunningServer server, string? sqliteDirectory)
    {
        Server = server;
        this.sqliteDirectory = sqliteDirectory;
    }

    public RunningServer Server { get; }

    /// <param name="configure">Changes to the options before the server starts (the lab tests set their data plane).</param>
    public static async Task<TestServer> StartAsync(Backend backend = Backend.Sqlite, string? catalogFile = null, Func<ServerOptions, ServerOptions>? configure = null)
    {
        var directory = backend == Backend.Sqlite ? TestDatabases.NewSqliteDirectory() : null;
        var options = new ServerOptions
        {
            Listen = "127.0.0.1:0",
            DataDirectory = directory ?? "",
            Postgres = backend == Backend.Postgres ? await TestDatabases.NewPostgresAsync() : null,
            CatalogFile = catalogFile,
            QuietRequestLog = true,
        };
        return new TestServer(await ServerHost.StartAsync(configure is null ? options : configure(options)), directory);
    }

    /// <summary>Creates an account (optionally allowlisted for multi-EIP mode) and returns a client signed with its keys.</summary>
    public async Task<RpcTestClient> NewClientAsync(bool multiEip = false, int? eipQuota = null)
    {
        var account = await AccountAdmin.CreateAsync(Server.Store, "test", multiEip, TimeProvider.System, CancellationToken.None);
        if (eipQuota is { } q)
            account = await AccountAdmin.SetQuotaAsync(Server.Store, account.AccountId, "eips", q, CancellationToken.None);
        return new RpcTestClient(Server.Endpoint, account);
    }

    public Task<Account> SetQuotaAsync(string accountId, string quota, int value) =>
        AccountAdmin.SetQuotaAsync(Server.Store, accountId, quota, value, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        if (sqliteDirectory is not null)
        {
            try { Directory.Delete(sqliteDirectory, recursive: true); } catch (IOException) { }
        }
    }
}
