using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.SecurityGroups;

/// <summary>One server for a test class; every test makes its own accounts, so tests share no data.</summary>
public sealed class PerClassServer : IAsyncLifetime
{
    private TestServer? server;

    public TestServer Server => server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => server = await TestServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (server is not null)
            await server.DisposeAsync();
    }
}
