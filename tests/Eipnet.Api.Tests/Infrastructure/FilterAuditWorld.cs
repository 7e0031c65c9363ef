namespace Eipnet.Api.Tests.Infrastructure;

/// <summary>The shared world of a filter audit: one server, one account, and the placeholder values ("{vpc}") that
/// <see cref="FilterAudit"/> resolves; a subclass seeds the kept resource and the others.</summary>
public abstract class FilterAuditWorld : IAsyncLifetime
{
    public TestServer Server { get; private set; } = null!;
    public RpcTestClient Client { get; private set; } = null!;
    public Dictionary<string, string> Values { get; } = [];

    public async Task InitializeAsync()
    {
        Server = await TestServer.StartAsync();
        Client = await Server.NewClientAsync();
        await SeedAsync(Client);
    }

    /// <summary>Makes the resources and fills <see cref="Values"/>.</summary>
    protected abstract Task SeedAsync(RpcTestClient client);

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
