using Eipnet.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Eipnet.Api.Hosting;

/// <summary>A started control plane; dispose to stop it.</summary>
public sealed class RunningServer(WebApplication app, IEipStore store, string dataPlane, Uri endpoint) : IAsyncDisposable
{
    public Uri Endpoint => endpoint;
    public IEipStore Store => store;

    /// <summary>"sim" (in-process simulation) or "agents" (hosts' agents apply the intent).</summary>
    public string DataPlane => dataPlane;

    public Task WaitForShutdownAsync(CancellationToken ct = default) => app.WaitForShutdownAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        await store.DisposeAsync();
    }
}
