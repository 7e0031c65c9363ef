using Eipnet.Api.Accounts;
using Eipnet.Api.Catalog;
using Eipnet.Api.Hosting;
using Eipnet.Cli.Client;
using DomainCatalog = Eipnet.Domain.Catalog.Catalog;

namespace Eipnet.Cli.Bench;

/// <summary>A server on a loopback port, with the simulated data plane and a bench region whose EIP pool is the
/// RFC 2544 benchmarking range (131,070 addresses: the documentation ranges hold only 768), and a client for it.</summary>
public sealed class BenchEnvironment : IAsyncDisposable
{
    public const string Region = "cn-hangzhou";
    private const string BenchPool = "198.18.0.0/15";

    private BenchEnvironment(RunningServer server, ApiClient client, string accountId, string zoneId)
    {
        Server = server;
        Client = client;
        AccountId = accountId;
        ZoneId = zoneId;
    }

    public RunningServer Server { get; }
    public ApiClient Client { get; }
    public string AccountId { get; }
    public string ZoneId { get; }

    public static async Task<BenchEnvironment> StartAsync(string? postgres, string dataDirectory)
    {
        var defaults = CatalogLoader.LoadDefault();
        var catalog = new DomainCatalog(
            defaults.Regions.Select(r => r.RegionId == Region ? r with { EipPools = [BenchPool] } : r).ToList(), defaults.InstanceTypes);
        var server = await ServerHost.StartAsync(new ServerOptions
        {
            Listen = "127.0.0.1:0",
            DataDirectory = dataDirectory,
            Postgres = postgres,
            Catalog = catalog,
            QuietRequestLog = true,
        });
        var account = await AccountAdmin.CreateAsync(server.Store, "bench", multiEip: true, TimeProvider.System, CancellationToken.None);
        await AccountAdmin.SetQuotaAsync(server.Store, account.AccountId, "eips", 1_000_000, CancellationToken.None);
        var client = new ApiClient(server.Endpoint, account.AccessKeyId, account.AccessKeySecret);
        return new BenchEnvironment(server, client, account.AccountId, catalog.FindRegion(Region)!.Zones[0].ZoneId);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
