namespace Eipnet.Agent.Running;

/// <summary>An <see cref="AgentLoop"/> running in this process (benchmarks and tests; `eipnet agent` runs one as its own
/// process); dispose to stop it. The data plane stays the caller's.</summary>
public sealed class RunningAgent : IAsyncDisposable
{
    private readonly HttpClient http;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    private RunningAgent(HttpClient http, AgentLoop agent)
    {
        this.http = http;
        Loop = agent;
        loop = Task.Run(() => agent.RunAsync(stop.Token));
    }

    public AgentLoop Loop { get; }

    public static RunningAgent Start(Uri server, string token, DataPlane.IDataPlane dataPlane, AgentLoopSettings settings, TextWriter? log = null,
        ServerTrust? trust = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var http = AgentLoop.CreateClient(server, token, settings.Wait, trust);
        return new RunningAgent(http, new AgentLoop(http, dataPlane, settings, TimeProvider.System, log));
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        http.Dispose();
        stop.Dispose();
    }
}
