using System.Diagnostics;
using System.Net;
using Eipnet.Api.Accounts;
using Eipnet.Api.Agents;
using Eipnet.Api.Authentication;
using Eipnet.Api.Catalog;
using Eipnet.Api.Connections;
using Eipnet.Api.Metrics;
using Eipnet.Api.Reconciliation;
using Eipnet.Api.Rpc;
using Eipnet.DataPlane;
using Eipnet.DataPlane.Simulated;
using Eipnet.Store;
using Eipnet.Store.Sql;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Eipnet.Api.Hosting;

/// <summary>Builds and starts the control plane: store, catalog, the RPC endpoint, and either the simulated data plane with its
/// reconciler or the agent contract.</summary>
public static class ServerHost
{
    // A client gets at most this long to send its request headers, even when idle connections may live longer.
    private static readonly TimeSpan MaxHeadersTimeout = TimeSpan.FromSeconds(30);

    public static IEipStore OpenStore(ServerOptions options) =>
        options.Postgres is { Length: > 0 } cs ? SqlStore.Postgres(cs) : SqlStore.Sqlite(options.DataDirectory);

    /// <summary>Starts the server and returns it running; <see cref="RunningServer.Endpoint"/> is the bound address.</summary>
    public static async Task<RunningServer> StartAsync(ServerOptions options, CancellationToken ct = default)
    {
        var catalog = options.Catalog ?? (options.CatalogFile is null ? CatalogLoader.LoadDefault() : CatalogLoader.LoadFile(options.CatalogFile));
        var store = OpenStore(options);
        await store.MigrateAsync(ct);
        if (options.BootstrapAccount is var (id, secret))
        {
            var account = await AccountAdmin.EnsureAsync(store, id, secret, TimeProvider.System, ct);
            if (options.BootstrapMultiEip && !account.MultiEipAllowed)
                await AccountAdmin.AllowMultiEipAsync(store, account.AccountId, ct);
        }

        // sim: an in-process simulated data plane, driven by the reconciler. agents: the hosts' agents (`eipnet agent`) watch the
        // intent and report what they applied; this process touches no kernel state.
        if (options.DataPlane is not ("sim" or "agents"))
            throw new ArgumentException($"Unknown data plane \"{options.DataPlane}\"; the server knows sim and agents.");
        var agents = options.DataPlane == "agents";

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ "; o.UseUtcTimestamp = true; });
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        if (options.QuietRequestLog)
        {
            builder.Logging.AddFilter(typeof(RpcDispatcher).FullName, LogLevel.Warning);
            builder.Logging.AddFilter(typeof(KestrelRefusals).FullName, LogLevel.Warning);
        }
        var gate = new ConnectionGate(options.MaxConnections);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(ParseEndpoint(options.Listen), listen =>
            {
                // HTTP/1.1 only: the SDKs speak it, and HTTP/2 refuses with stream resets, which carry no envelope.
                listen.Protocols = HttpProtocols.Http1;
                // Before the gate, which writes its refusals into the connection: inside TLS, where the client can read them.
                if (options.Certificate is { } certificate)
                    listen.UseHttps(certificate);
                listen.Use(next => connection => gate.OnConnectionAsync(connection, () => next(connection)));
            });
            k.Limits.MaxRequestBodySize = 2 * 1024 * 1024;
            // V3 SDKs put every parameter in the query; 100 Permissions.N.* rules exceed Kestrel's 8 KB default.
            k.Limits.MaxRequestLineSize = 64 * 1024;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            k.Limits.MaxRequestHeaderCount = 100;
            k.Limits.MaxConcurrentConnections = gate.HardLimit;
            k.Limits.KeepAliveTimeout = options.IdleTimeout;
            k.Limits.RequestHeadersTimeout = options.IdleTimeout < MaxHeadersTimeout ? options.IdleTimeout : MaxHeadersTimeout;
            k.AddServerHeader = false;
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new ServerMetrics(sp.GetRequiredService<IEipStore>(), sp.GetRequiredService<TimeProvider>(), options.MetricsEipSeries));
        builder.Services.AddSingleton(catalog);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(ApiActions.All());
        builder.Services.AddSingleton<ChangeSignal>();
        if (agents)
        {
            builder.Services.AddSingleton<TransitionCompleter>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<TransitionCompleter>());
            builder.Services.AddSingleton<AgentTraffic>();
            builder.Services.AddSingleton<AgentFeed>();
        }
        else
        {
            builder.Services.AddSingleton<IDataPlane, SimulatedDataPlane>();
            builder.Services.AddSingleton(new ReconcilerSettings(options.ResyncPeriod));
            builder.Services.AddHostedService<Reconciler>();
        }
        builder.Services.AddHostedService<NoncePruner>();
        builder.Services.AddSingleton<AccountCache>();
        builder.Services.AddSingleton<NonceLedger>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<NonceLedger>());
        builder.Services.AddSingleton(sp => new AccountThrottle(options.AccountRequestsPerSecond, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<RpcDispatcher>();
        builder.Services.AddSingleton(gate);
        builder.Services.AddSingleton(sp => new KestrelRefusals(
            sp.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<KestrelRefusals>>()));

        var app = builder.Build();
        // The subscription ends with the host, which disposes its DiagnosticListener.
        app.Services.GetRequiredService<KestrelRefusals>().Observe(app.Services.GetRequiredService<DiagnosticListener>());
        var dispatcher = app.Services.GetRequiredService<RpcDispatcher>();
        if (agents)
        {
            var feed = app.Services.GetRequiredService<AgentFeed>();
            app.Services.GetRequiredService<AgentTraffic>().Stored += app.Services.GetRequiredService<ServerMetrics>().AddTraffic;
            app.Use(next => http => AgentFeed.Handles(http) ? feed.HandleAsync(http) : next(http));
        }
        app.Run(dispatcher.HandleAsync);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var (metricsApp, metricsEndpoint) = await StartMetricsAsync(options, app, ct);
        return new RunningServer(app, store, options.DataPlane, new Uri(address), metricsApp, metricsEndpoint);
    }

    private static async Task<(WebApplication?, Uri?)> StartMetricsAsync(ServerOptions options, WebApplication app, CancellationToken ct)
    {
        if (options.MetricsListen is not { } listen)
            return (null, null);
        try
        {
            return await MetricsListener.StartAsync(ParseEndpoint(listen, "--metrics-listen"), app.Services.GetRequiredService<ServerMetrics>(), ct);
        }
        catch (IOException e) when (options.MetricsListenOptional)
        {
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MetricsListener))
                .LogWarning("No metrics listener: {Listen} is not available ({Reason}); give --metrics-listen HOST:PORT", listen, e.Message);
            return (null, null);
        }
    }

    private static IPEndPoint ParseEndpoint(string listen, string option = "--listen")
    {
        var colon = listen.LastIndexOf(':');
        if (colon < 0 || !int.TryParse(listen[(colon + 1)..], out var port))
            throw new ArgumentException($"{option} must be HOST:PORT, not \"{listen}\".");
        var host = listen[..colon].Trim('[', ']');
        var ip = host == "localhost" ? IPAddress.Loopback : IPAddress.Parse(host);
        return new IPEndPoint(ip, port);
    }
}
