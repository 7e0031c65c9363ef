using System.Net;
using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Program;

/// <summary>`eipnet server --metrics-listen`: the operator listener of the real program (issue 13).</summary>
public sealed class MetricsListenProcessTests
{
    [Fact]
    public async Task Server_ServesMetrics_OnTheGivenOperatorAddressOnly()
    {
        var data = TestDatabases.NewSqliteDirectory();
        var port = EipnetProcess.FreePort();
        var metricsPort = EipnetProcess.FreePort();
        await using var server = await EipnetProcess.StartServerAsync(port, ["--data", data, "--metrics-listen", $"127.0.0.1:{metricsPort}"]);
        Assert.Contains($"eipnet: metrics http://127.0.0.1:{metricsPort}/metrics", server.Output);

        using var http = new HttpClient();
        var text = await http.GetStringAsync($"http://127.0.0.1:{metricsPort}/metrics");
        Assert.Contains("# TYPE eipnet_rpc_requests_total counter", text);
        Assert.Contains("eipnet_desired_generation ", text);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync($"http://127.0.0.1:{port}/metrics")).StatusCode);
    }

    [Fact]
    public async Task Server_HasNoMetricsListener_WhenTurnedOff()
    {
        var data = TestDatabases.NewSqliteDirectory();
        await using var server = await EipnetProcess.StartServerAsync(EipnetProcess.FreePort(), ["--data", data, "--metrics-listen", "off"]);
        Assert.Contains("eipnet: metrics off", server.Output);
    }
}
