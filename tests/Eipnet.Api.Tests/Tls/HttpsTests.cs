using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Eipnet.Api.Tests.Infrastructure;
using Eipnet.Api.Tls;

namespace Eipnet.Api.Tests.Tls;

/// <summary>Issue 12: the API over HTTPS, with a certificate made the way --tls-self-signed makes it.</summary>
public sealed class HttpsTests : IAsyncLifetime
{
    private readonly string directory = TestDatabases.NewSqliteDirectory();
    private X509Certificate2 certificate = null!;
    private TestServer server = null!;

    public async Task InitializeAsync()
    {
        (certificate, _) = ServerCertificate.SelfSigned(Path.Combine(directory, "tls"), TimeProvider.System);
        server = await TestServer.StartAsync(configure: o => o with { Certificate = certificate });
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        certificate.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task SignedCall_Succeeds_WhenClientTrustsTheCertificate()
    {
        using var http = TrustingOnly(certificate);
        var client = new RpcTestClient(server.Server.Endpoint, (await server.NewClientAsync()).Account) { HttpClient = http };

        Assert.Equal("https", server.Server.Endpoint.Scheme);
        (await client.Vpc("DescribeRegions")).Success();
        (await client.CallAsync(RpcTestClient.EcsVersion, "DescribeRegions", [], Signing.V1Form)).Success();
    }

    [Fact]
    public async Task Connection_IsRefusedByClient_WhenItDoesNotTrustTheCertificate()
    {
        var client = await server.NewClientAsync();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.Vpc("DescribeRegions"));

        Assert.IsType<AuthenticationException>(error.InnerException);
    }

    [Fact]
    public async Task Connection_IsRefusedByClient_WhenItTrustsAnotherCertificate()
    {
        var otherDirectory = TestDatabases.NewSqliteDirectory();
        try
        {
            var (other, _) = ServerCertificate.SelfSigned(otherDirectory, TimeProvider.System);
            using (other)
            {
                using var http = TrustingOnly(other);
                var client = new RpcTestClient(server.Server.Endpoint, (await server.NewClientAsync()).Account) { HttpClient = http };

                var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.Vpc("DescribeRegions"));

                Assert.IsType<AuthenticationException>(error.InnerException);
            }
        }
        finally
        {
            Directory.Delete(otherDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task PlainHttp_IsNotAnswered_OnAnHttpsEndpoint()
    {
        var client = new RpcTestClient(new UriBuilder(server.Server.Endpoint) { Scheme = "http" }.Uri, (await server.NewClientAsync()).Account);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.Vpc("DescribeRegions"));
    }

    /// <summary>A client whose only trust anchor is <paramref name="anchor"/> (names are still checked).</summary>
    private static HttpClient TrustingOnly(X509Certificate2 anchor)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.CertificateChainPolicy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            CustomTrustStore = { anchor },
            RevocationMode = X509RevocationMode.NoCheck,
        };
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
    }
}
