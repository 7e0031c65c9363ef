using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Agent.Tests.Lab;

/// <summary>Issue 12: `eipnet server --dataplane linux --tls-self-signed` hands its own agent the certificate, and the agent
/// reaches the server over HTTPS.</summary>
public sealed class ServerTlsLabTests
{
    private static readonly TimeSpan SeenLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task LocalAgent_ReachesTheServer_OverHttps()
    {
        var data = TestDatabases.NewSqliteDirectory();
        var prefix = $"eipt{Environment.ProcessId}x" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3)) + "-";
        var port = EipnetProcess.FreePort();
        try
        {
            await using var server = await EipnetProcess.StartServerAsync(port,
                ["--data", data, "--tls-self-signed", "--lab-prefix", prefix, "--lab-compute-hosts", "0", "--resync-seconds", "1"], dataPlane: "linux");
            Assert.Contains($"eipnet: endpoint 127.0.0.1:{port} (https)", server.Output);

            // The agent asks for intent only once TLS is through; the server records when it last asked.
            var deadline = DateTimeOffset.UtcNow + SeenLimit;
            string agents;
            while (true)
            {
                agents = (await EipnetProcess.RunAsync(["admin", "agents", "--data", data])).Stdout;
                var local = agents.Split('\n').FirstOrDefault(l => l.StartsWith("local ", StringComparison.Ordinal));
                if (local is not null && !local.TrimEnd().EndsWith("never", StringComparison.Ordinal))
                    break;
                Assert.True(DateTimeOffset.UtcNow < deadline,
                    $"the local agent was not seen within {SeenLimit.TotalSeconds} s:\n{agents}\n{string.Join('\n', server.Output)}");
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }
            Assert.Contains(server.Output, l => l.StartsWith($"eipnet agent: local watching https://127.0.0.1:{port}/", StringComparison.Ordinal));
            Assert.DoesNotContain(server.Output, l => l.Contains("ended with code", StringComparison.Ordinal));
        }
        finally
        {
            await EipnetProcess.RunAsync(["lab", "down", "--lab-prefix", prefix]);
            Directory.Delete(data, recursive: true);
        }
    }
}
