namespace Eipnet.Api.Tests.Infrastructure;

/// <summary>One test server for a whole test class (IClassFixture); tests stay independent by each using its own account.</summary>
public sealed class SharedServer : IAsyncLifetime
{
    private TestServer? server;

    public TestServer Server => server ?? throw new InvalidOperationException("The shared server has not started.");

    public Task<RpcTestClient> NewClientAsync() => Server.NewClientAsync();

    public async Task InitializeAsync() => server = await TestServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (server is not null)
            await server.DisposeAsync();
    }
}
