using Eipnet.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Eipnet.Api.Hosting;

/// <summary>A started control plane; dispose to stop it.</summary>
public sealed class RunningServer(WebApplication app, IEipStore store, string dataPlane, Uri endpoint, WebApplication? metricsApp = null,
    Uri? metricsEndpoint = null) : IAsyncDisposable
{
    public Uri Endpoint => endpoint;

    /// <summary>The operator listener's address (GET /metrics); null when the server has none.</summary>
    public Uri? MetricsEndpoint => metricsEndpoint;
    public IEipStore Store => store;

    /// <summary>"sim" (in-process simulation) or "agents" (hosts' agents apply the intent).</summary>
    public string DataPlane => dataPlane;

    public Task WaitForShutdownAsync(CancellationToken ct = default) => app.WaitForShutdownAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        if (metricsApp is not null)
        {
            await metricsApp.StopAsync();
            await metricsApp.DisposeAsync();
        }
        await store.DisposeAsync();
    }
}
