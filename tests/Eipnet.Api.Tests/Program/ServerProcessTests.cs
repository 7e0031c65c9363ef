using System.Text.Json;
using Eipnet.Api.Tests.Infrastructure;
using Eipnet.Domain.Resources;

namespace Eipnet.Api.Tests.Program;

/// <summary>The real program: start-up output, bootstrap account, admin commands, and durability across kill -9.</summary>
public sealed class ServerProcessTests
{
    private static Dictionary<string, string> Bootstrap(string id = "LTAIbootstrap000000001", string secret = "bootstrap-secret") => new()
    {
        ["EIPNET_BOOTSTRAP_ACCESS_KEY_ID"] = id,
        ["EIPNET_BOOTSTRAP_ACCESS_KEY_SECRET"] = secret,
    };

    private static RpcTestClient ClientFor(int port, string id, string secret) =>
        new(new Uri($"http://127.0.0.1:{port}/"), new Account("acc-x", "x", id, secret, false, 20, 10, DateTimeOffset.UtcNow));

    public static TheoryData<string> Backends => new() { "sqlite", "postgres" };

    [Theory, MemberData(nameof(Backends))]
    public async Task AcknowledgedCalls_SurviveKill9(string backend)
    {
        var data = TestDatabases.NewSqliteDirectory();
        string[] db = backend == "sqlite" ? ["--data", data] : ["--postgres", await TestDatabases.NewPostgresAsync()];
        var port = EipnetProcess.FreePort();
        var client = ClientFor(port, "LTAIbootstrap000000001", "bootstrap-secret");
        var allocated = new List<string>();
        await using (var server = await EipnetProcess.StartServerAsync(port, db, Bootstrap()))
        {
            for (var i = 0; i < 10; i++)
                allocated.Add((await client.Vpc("AllocateEipAddress", ("RegionId", "cn-hangzhou"))).Success().GetProperty("AllocationId").GetString()!);
            await server.KillAsync();
        }
        await using (await EipnetProcess.StartServerAsync(port, db, Bootstrap()))
        {
            var listed = (await client.Vpc("DescribeEipAddresses", ("RegionId", "cn-hangzhou"), ("PageSize", "100"))).Success();
            var ids = listed.GetProperty("EipAddresses").GetProperty("EipAddress").EnumerateArray().Select(e => e.GetProperty("AllocationId").GetString()!).ToHashSet();
            Assert.Superset(allocated.ToHashSet(), ids);
            Assert.Equal(10, listed.GetProperty("TotalCount").GetInt32());
        }
    }

    [Fact]
    public async Task ServerOptions_LimitConnections_AndCloseIdleOnes()
    {
        var port = EipnetProcess.FreePort();
        await using var server = await EipnetProcess.StartServerAsync(port,
            ["--data", TestDatabases.NewSqliteDirectory(), "--max-connections", "1", "--idle-timeout-seconds", "1"]);
        var endpoint = new Uri($"http://127.0.0.1:{port}/");
        using var held = new System.Net.Sockets.TcpClient();
        await held.ConnectAsync(endpoint.Host, endpoint.Port);
        await held.GetStream().WriteAsync(System.Text.Encoding.ASCII.GetBytes($"GET /?Action=DescribeRegions HTTP/1.1\r\nHost: {endpoint.Authority}\r\n\r\n"));
        (await RawHttp.ReadOneAsync(held.GetStream())).Error("IncompleteSignature", 400);

        // While one connection is open, a second is refused; once the idle one is closed by the server, it is served.
        (await RawHttp.SendAsync(endpoint, "/?Action=DescribeRegions", "GET")).Error("Throttling", 400);
        await Fixtures.WaitForAsync("the idle connection closed and a new one served",
            async () => (await RawHttp.SendAsync(endpoint, "/?Action=DescribeRegions", "GET")).Body,
            body => body.GetProperty("Code").GetString() == "IncompleteSignature");
    }

    [Fact]
    public async Task Server_PrintsEndpointDatabaseAndDataPlane_AndLogsNoSecrets()
    {
        var data = TestDatabases.NewSqliteDirectory();
        var port = EipnetProcess.FreePort();
        await using var server = await EipnetProcess.StartServerAsync(port, ["--data", data], Bootstrap(secret: "very-secret-value"));
        var client = ClientFor(port, "LTAIbootstrap000000001", "very-secret-value");
        (await client.Vpc("DescribeEipAddresses", ("RegionId", "cn-hangzhou"))).Success();
        (await client.Vpc("AllocateEipAddress")).Error("MissingParameter");
        await Task.Delay(200);
        var output = string.Join("\n", server.Output);
        Assert.Contains($"eipnet: endpoint 127.0.0.1:{port}", output);
        Assert.Contains("eipnet: database SQLite", output);
        Assert.Contains("eipnet: data plane sim", output);
        Assert.Contains("action=DescribeEipAddresses", output);
        Assert.Contains("code=MissingParameter", output);
        Assert.DoesNotContain("very-secret-value", output);
        Assert.DoesNotContain("Signature=", output);
    }

    [Fact]
    public async Task AdminAccountCreate_PrintsOnlyJson_WithWorkingKeys_WhileServerRuns()
    {
        var data = TestDatabases.NewSqliteDirectory();
        var port = EipnetProcess.FreePort();
        await using var server = await EipnetProcess.StartServerAsync(port, ["--data", data]);
        var (code, stdout, _) = await EipnetProcess.RunAsync(["admin", "account", "create", "team-a", "--data", data]);
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(["AccountId", "AccessKeyId", "AccessKeySecret"], json.RootElement.EnumerateObject().Select(p => p.Name));
        var accountId = json.RootElement.GetProperty("AccountId").GetString()!;
        var client = ClientFor(port, json.RootElement.GetProperty("AccessKeyId").GetString()!, json.RootElement.GetProperty("AccessKeySecret").GetString()!);
        (await client.Vpc("DescribeEipAddresses", ("RegionId", "cn-hangzhou"))).Success();

        Assert.Equal(0, (await EipnetProcess.RunAsync(["admin", "account", "allow-multi-eip", accountId, "--data", data])).Code);
        Assert.Equal(0, (await EipnetProcess.RunAsync(["admin", "quota", "set", accountId, "eips-per-eni", "12", "--data", data])).Code);
        var missing = await EipnetProcess.RunAsync(["admin", "quota", "set", "acc-nobody", "eips", "5", "--data", data]);
        Assert.Equal(1, missing.Code);
        Assert.Contains("InvalidAccountId.NotFound", missing.Stderr);
    }
}
