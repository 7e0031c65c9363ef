using System.Security.Cryptography.X509Certificates;
using Eipnet.Api.Tests.Infrastructure;
using Eipnet.Domain.Resources;

namespace Eipnet.Api.Tests.Tls;

/// <summary>Issue 12: `eipnet server` with --tls-cert/--tls-key and --tls-self-signed, run as the real program.</summary>
public sealed class ServerTlsProcessTests : IDisposable
{
    private readonly string data = TestDatabases.NewSqliteDirectory();

    public void Dispose() => Directory.Delete(data, recursive: true);

    [Fact]
    public async Task SelfSigned_ServesHttps_AndIsReusedOnTheNextStart()
    {
        var port = EipnetProcess.FreePort();
        var env = new Dictionary<string, string>
        {
            ["EIPNET_BOOTSTRAP_ACCESS_KEY_ID"] = "LTAItlsbootstrap000001",
            ["EIPNET_BOOTSTRAP_ACCESS_KEY_SECRET"] = "tls-secret",
        };
        var crt = Path.Combine(data, "tls", "server.crt");
        byte[] first;
        await using (var server = await EipnetProcess.StartServerAsync(port, ["--data", data, "--tls-self-signed"], env))
        {
            Assert.Contains($"eipnet: endpoint 127.0.0.1:{port} (https)", server.Output);
            Assert.Contains($"eipnet: tls certificate {crt} (clients must trust it)", server.Output);
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(data, "tls", "server.key")));
            first = await File.ReadAllBytesAsync(crt);

            using var anchor = X509CertificateLoader.LoadCertificateFromFile(crt);
            using var handler = new SocketsHttpHandler();
            handler.SslOptions.CertificateChainPolicy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                CustomTrustStore = { anchor },
                RevocationMode = X509RevocationMode.NoCheck,
            };
            using var http = new HttpClient(handler, disposeHandler: false);
            var account = new Account("acc-x", "x", "LTAItlsbootstrap000001", "tls-secret", false, 20, 10, DateTimeOffset.UtcNow);
            (await new RpcTestClient(new Uri($"https://127.0.0.1:{port}/"), account) { HttpClient = http }.Vpc("DescribeRegions")).Success();
        }
        await using (var again = await EipnetProcess.StartServerAsync(port, ["--data", data, "--tls-self-signed"]))
        {
            Assert.Contains($"eipnet: endpoint 127.0.0.1:{port} (https)", again.Output);
            Assert.Equal(first, await File.ReadAllBytesAsync(crt));
        }
    }

    [Fact]
    public async Task PlainHttp_IsStillTheDefault()
    {
        var port = EipnetProcess.FreePort();
        await using var server = await EipnetProcess.StartServerAsync(port, ["--data", data]);

        Assert.Contains($"eipnet: endpoint 127.0.0.1:{port} (http)", server.Output);
        Assert.False(Directory.Exists(Path.Combine(data, "tls")));
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        // what is wrong                 expected in the message
        { "missing certificate",         "does not exist" },
        { "not PEM",                     "cannot use" },
        { "key of another certificate",  "cannot use" },
        { "key without certificate",     "--tls-cert and --tls-key go together" },
    };

    [Theory, MemberData(nameof(BadFiles))]
    public async Task BadCertificateOrKey_ExitsWith2_AndSaysWhy(string wrong, string expected)
    {
        var port = EipnetProcess.FreePort();
        // Two self-signed pairs to mismatch, made by a first run.
        var (mine, other) = (Path.Combine(data, "a"), Path.Combine(data, "b"));
        foreach (var dir in new[] { mine, other })
            Eipnet.Api.Tls.ServerCertificate.SelfSigned(dir, TimeProvider.System).Certificate.Dispose();
        var notPem = Path.Combine(data, "garbage.crt");
        await File.WriteAllTextAsync(notPem, "not a certificate");
        string[] tls = wrong switch
        {
            "missing certificate" => ["--tls-cert", Path.Combine(data, "absent.crt"), "--tls-key", Path.Combine(mine, "server.key")],
            "not PEM" => ["--tls-cert", notPem, "--tls-key", Path.Combine(mine, "server.key")],
            "key of another certificate" => ["--tls-cert", Path.Combine(mine, "server.crt"), "--tls-key", Path.Combine(other, "server.key")],
            _ => ["--tls-key", Path.Combine(mine, "server.key")],
        };

        var (code, stdout, stderr) = await EipnetProcess.RunAsync(["server", "--listen", $"127.0.0.1:{port}", "--dataplane", "sim", "--data", data, .. tls]);

        Assert.Equal(2, code);
        Assert.StartsWith("eipnet: TLS: ", stderr);
        Assert.Contains(expected, stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.DoesNotContain("endpoint", stdout);
    }

    [Theory]
    [InlineData("absent.crt")]
    [InlineData("garbage.crt")]
    public async Task AgentWithUnusableCaFile_ExitsWith2_AndSaysWhy(string file)
    {
        await File.WriteAllTextAsync(Path.Combine(data, "garbage.crt"), "not a certificate");
        var caFile = Path.Combine(data, file);

        var (code, _, stderr) = await EipnetProcess.RunAsync(["agent", "--server", "https://127.0.0.1:1/", "--ca-file", caFile],
            new Dictionary<string, string> { ["EIPNET_AGENT_TOKEN"] = "local.secret" });

        Assert.Equal(2, code);
        Assert.StartsWith($"eipnet agent: --ca-file {caFile}: ", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }
}
