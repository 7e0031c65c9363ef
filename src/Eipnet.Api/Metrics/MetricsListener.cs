using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace Eipnet.Api.Metrics;

/// <summary>The operator listener: GET /metrics in Prometheus text format, on an endpoint of its own, never the RPC port.</summary>
public static class MetricsListener
{
    /// <summary>Starts the listener on <paramref name="endpoint"/> (port 0: any free port); returns it running and its address.</summary>
    public static async Task<(WebApplication App, Uri Endpoint)> StartAsync(IPEndPoint endpoint, ServerMetrics metrics, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(endpoint, listen => listen.Protocols = HttpProtocols.Http1);
            k.AddServerHeader = false;
        });
        var app = builder.Build();
        app.MapMetrics("/metrics", metrics.Registry);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address));
    }
}
