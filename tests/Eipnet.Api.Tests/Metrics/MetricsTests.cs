using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Eipnet.Api.Agents;
using Eipnet.Api.Tests.Infrastructure;
using Eipnet.DataPlane.Feed;

namespace Eipnet.Api.Tests.Metrics;

/// <summary>/metrics on the operator listener (issue 13), scraped by a real Prometheus and read back through its query API.</summary>
public sealed class MetricsTests : IAsyncLifetime
{
    private TestServer server = null!;
    private string token = "";

    public async Task InitializeAsync()
    {
        server = await TestServer.StartAsync(configure: o => o with { DataPlane = "agents", MetricsListen = "127.0.0.1:0", MetricsEipSeries = 1 });
        token = await AgentAdmin.AddAsync(server.Server.Store, "host-1", TimeProvider.System, CancellationToken.None);
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private Uri MetricsUrl => new(server.Server.MetricsEndpoint!, "/metrics");

    private async Task<string> AllocateAsync(RpcTestClient client) =>
        (await client.Vpc("AllocateEipAddress", ("RegionId", RpcTestClient.Region))).Success().GetProperty("AllocationId").GetString()!;

    private async Task ReportAsync(params (string Id, long Rx, long Tx)[] eips)
    {
        using var http = new HttpClient { BaseAddress = server.Server.Endpoint };
        var body = System.Text.Json.JsonSerializer.Serialize(new TrafficReport("boot-1", eips.Select(e => new EipCounters(e.Id, e.Rx, e.Tx, 1, 1)).ToList()), TrafficWire.Json.TrafficReport);
        using var request = new HttpRequestMessage(HttpMethod.Post, TrafficWire.Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.NoContent, (await http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Metrics_AreServedOnTheOperatorListener_NotTheRpcPort()
    {
        Assert.NotEqual(server.Server.Endpoint.Port, server.Server.MetricsEndpoint!.Port);
        var client = await server.NewClientAsync();
        await AllocateAsync(client);
        (await client.Vpc("ReleaseEipAddress", ("RegionId", RpcTestClient.Region), ("AllocationId", "eip-missing0000000000000"))).Error("InvalidAllocationId.NotFound");
        (await client.Vpc("NoSuchAction", ("RegionId", RpcTestClient.Region))).Error("InvalidAction.NotFound");

        using var http = new HttpClient();
        var text = await http.GetStringAsync(MetricsUrl);
        Assert.Contains("eipnet_rpc_requests_total{action=\"AllocateEipAddress\",code=\"OK\"} 1", text);
        Assert.Contains("eipnet_rpc_requests_total{action=\"ReleaseEipAddress\",code=\"InvalidAllocationId.NotFound\"} 1", text);
        // An unknown Action is counted under "-": callers cannot grow the label set.
        Assert.Contains("eipnet_rpc_requests_total{action=\"-\",code=\"InvalidAction.NotFound\"} 1", text);
        Assert.DoesNotContain("NoSuchAction", text);
        Assert.Contains("eipnet_rpc_request_duration_seconds_bucket{action=\"AllocateEipAddress\"", text);
        Assert.Contains("eipnet_eips{status=\"Available\",mode=\"\"} 1", text);
        Assert.Contains("eipnet_agent_applied_generation{agent=\"host-1\"} 0", text);
        Assert.Contains("eipnet_process_open_fds ", text);
        Assert.Contains("process_open_handles ", text);

        using (var agent = new HttpClient { BaseAddress = server.Server.Endpoint })
        using (var applied = new HttpRequestMessage(HttpMethod.Post, AgentWire.AppliedPath)
               { Content = new StringContent("{\"Generation\":0,\"Full\":true,\"Resources\":3,\"Milliseconds\":42}", Encoding.UTF8, "application/json") })
        {
            applied.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            Assert.Equal(HttpStatusCode.NoContent, (await agent.SendAsync(applied)).StatusCode);
        }
        Assert.Contains("eipnet_agent_pass_duration_seconds_count{agent=\"host-1\",full=\"true\"} 1", await http.GetStringAsync(MetricsUrl));

        var onRpcPort = await http.GetAsync(new Uri(server.Server.Endpoint, "/metrics"));
        Assert.Equal(HttpStatusCode.BadRequest, onRpcPort.StatusCode);
    }

    [Fact]
    public async Task Metrics_BoundPerEipTraffic_SummingTheRestAsOther()
    {
        var client = await server.NewClientAsync();
        var first = await AllocateAsync(client);
        var second = await AllocateAsync(client);
        var third = await AllocateAsync(client);
        await ReportAsync((first, 100, 1000), (second, 10, 20), (third, 1, 2));

        using var http = new HttpClient();
        var text = await http.GetStringAsync(MetricsUrl);
        Assert.Contains($"eipnet_eip_traffic_bytes_total{{allocation_id=\"{first}\",direction=\"out\"}} 1000", text);
        Assert.Contains("eipnet_eip_traffic_bytes_total{allocation_id=\"_other\",direction=\"out\"} 22", text);
        Assert.DoesNotContain(second, text);
    }

    [Fact]
    public async Task Prometheus_ScrapesTheListener_AndAnswersAQuery()
    {
        var client = await server.NewClientAsync();
        var eip = await AllocateAsync(client);
        await AllocateAsync(client);
        await ReportAsync((eip, 4096, 8192));

        await using var prometheus = PrometheusProcess.Start(server.Server.MetricsEndpoint!);
        await prometheus.WaitAsync("the eipnet target to be up", async () => await prometheus.TargetHealthAsync() == "up" ? "up" : null);
        var available = await prometheus.WaitAsync("eipnet_eips{status=\"Available\"} in Prometheus",
            () => prometheus.QueryAsync("sum(eipnet_eips{status=\"Available\"})"));
        Assert.Equal(2, available);
        var sent = await prometheus.WaitAsync("the EIP's outbound bytes in Prometheus",
            () => prometheus.QueryAsync($"eipnet_eip_traffic_bytes_total{{allocation_id=\"{eip}\",direction=\"out\"}}"));
        Assert.Equal(8192, sent);
    }
}
