using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Eipnet.Agent.Running;
using Eipnet.Api.Hosting;
using Eipnet.Api.Tls;

namespace Eipnet.Agent.Tests.Running;

/// <summary>Issue 12: the agent's client reaches an HTTPS server whose certificate --ca-file names, and no other.</summary>
public sealed class ServerTrustTests : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("eipnet-trust-").FullName;
    private RunningServer server = null!;
    // The server listens on every address, so that 127.0.0.2 reaches it under a name its certificate does not carry.
    private Uri Endpoint => new UriBuilder("https", "127.0.0.1", server.Endpoint.Port).Uri;
    private X509Certificate2 certificate = null!;
    private string certificateFile = null!;

    public async Task InitializeAsync()
    {
        (certificate, certificateFile) = ServerCertificate.SelfSigned(Path.Combine(directory, "tls"), TimeProvider.System);
        server = await ServerHost.StartAsync(new ServerOptions
        {
            Listen = "0.0.0.0:0", DataDirectory = directory, DataPlane = "agents", QuietRequestLog = true, Certificate = certificate,
        });
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        certificate.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task AgentClient_ReachesServer_WhenCaFileHoldsItsCertificate()
    {
        using var http = AgentLoop.CreateClient(Endpoint, "nobody.secret", TimeSpan.FromSeconds(1), ServerTrust.FromPemFile(certificateFile));

        using var response = await http.GetAsync("/agent/v1/desired");

        // Through TLS to the agent contract, which refuses the unknown token.
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AgentClient_RefusesServer_WithoutCaFile()
    {
        using var http = AgentLoop.CreateClient(Endpoint, "nobody.secret", TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("/agent/v1/desired"));

        Assert.IsType<AuthenticationException>(error.InnerException);
    }

    [Fact]
    public async Task AgentClient_RefusesServer_WhenCaFileHoldsAnotherCertificate()
    {
        var (other, otherFile) = ServerCertificate.SelfSigned(Path.Combine(directory, "other"), TimeProvider.System);
        other.Dispose();
        using var http = AgentLoop.CreateClient(Endpoint, "nobody.secret", TimeSpan.FromSeconds(1), ServerTrust.FromPemFile(otherFile));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("/agent/v1/desired"));

        Assert.IsType<AuthenticationException>(error.InnerException);
    }

    [Fact]
    public async Task AgentClient_RefusesServer_WhenTheNameDoesNotMatch_EvenWithCaFile()
    {
        // The certificate names 127.0.0.1, ::1 and localhost; 127.0.0.2 reaches the same socket under another name.
        var elsewhere = new UriBuilder(Endpoint) { Host = "127.0.0.2" }.Uri;
        using var http = AgentLoop.CreateClient(elsewhere, "nobody.secret", TimeSpan.FromSeconds(1), ServerTrust.FromPemFile(certificateFile));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("/agent/v1/desired"));

        Assert.IsType<AuthenticationException>(error.InnerException);
    }

    public static TheoryData<string> IssuedCaFiles => new() { "issuing CA", "served certificate alone" };

    [Theory, MemberData(nameof(IssuedCaFiles))]
    public async Task AgentClient_ReachesServer_WithACertificateIssuedByAPrivateCa(string caFileHolds)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=test private CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        var now = DateTimeOffset.UtcNow;
        using var ca = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leafRequest = new CertificateRequest("CN=eipnet test", leafKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        leafRequest.CertificateExtensions.Add(names.Build());
        leafRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        using var issued = leafRequest.Create(ca, now.AddMinutes(-5), now.AddDays(1), [1, 2, 3, 4]);
        var certificateFile = Path.Combine(directory, "issued.crt");
        var keyFile = Path.Combine(directory, "issued.key");
        await File.WriteAllTextAsync(certificateFile, issued.ExportCertificatePem());
        await File.WriteAllTextAsync(keyFile, leafKey.ExportPkcs8PrivateKeyPem());
        var caFile = Path.Combine(directory, "ca.crt");
        await File.WriteAllTextAsync(caFile, ca.ExportCertificatePem());

        using var served = ServerCertificate.Load(certificateFile, keyFile);
        await using var issuedServer = await ServerHost.StartAsync(new ServerOptions
        {
            Listen = "127.0.0.1:0", DataDirectory = Path.Combine(directory, "issued"), DataPlane = "agents", QuietRequestLog = true, Certificate = served,
        });
        var trust = ServerTrust.FromPemFile(caFileHolds == "issuing CA" ? caFile : certificateFile);
        using var http = AgentLoop.CreateClient(issuedServer.Endpoint, "nobody.secret", TimeSpan.FromSeconds(1), trust);

        using var response = await http.GetAsync("/agent/v1/desired");

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
