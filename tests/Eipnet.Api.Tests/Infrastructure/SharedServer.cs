namespace Eipnet.Api.Tests.Infrastructure;

/// <summary>One test server for a whole test class (IClassFixture); tests stay independent by each using its own account,
/// or share <see cref="Client"/> (an account made at start) where they change nothing another test reads.</summary>
public sealed class SharedServer : IAsyncLifetime
{
    private TestServer? server;

    public TestServer Server => server ?? throw new InvalidOperationException("The shared server has not started.");

    public Task<RpcTestClient> NewClientAsync() => Server.NewClientAsync();

    /// <summary>A client of the account made when the server started.</summary>
    public RpcTestClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        server = await TestServer.StartAsync();
        Client = await server.NewClientAsync();
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
            await server.DisposeAsync();
    }
}
