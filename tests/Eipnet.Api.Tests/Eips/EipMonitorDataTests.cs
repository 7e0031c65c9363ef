using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Eipnet.Api.Agents;
using Eipnet.Api.Rpc;
using Eipnet.Api.Tests.Infrastructure;
using Eipnet.DataPlane.Feed;

namespace Eipnet.Api.Tests.Eips;

/// <summary>Metering over HTTP (issue 13): agents post their counters to /agent/v1/traffic; DescribeEipMonitorData answers
/// from the samples the server made of them.</summary>
public sealed class EipMonitorDataTests : IAsyncLifetime
{
    private TestServer server = null!;
    private string token = "";

    public async Task InitializeAsync()
    {
        server = await TestServer.StartAsync(configure: o => o with { DataPlane = "agents" });
        token = await AgentAdmin.AddAsync(server.Server.Store, "host-1", TimeProvider.System, CancellationToken.None);
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private async Task<HttpResponseMessage> PostAsync(string body, string? bearer)
    {
        using var http = new HttpClient { BaseAddress = server.Server.Endpoint };
        using var request = new HttpRequestMessage(HttpMethod.Post, TrafficWire.Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (bearer is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return await http.SendAsync(request);
    }

    private static string Report(string since, params (string Id, long Rx, long Tx, long RxP, long TxP)[] eips) =>
        JsonSerializer.Serialize(new TrafficReport(since, eips.Select(e => new EipCounters(e.Id, e.Rx, e.Tx, e.RxP, e.TxP)).ToList()), TrafficWire.Json.TrafficReport);

    private static string Minute(DateTimeOffset t) => Times.Format(new DateTimeOffset(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero));

    private async Task<(RpcTestClient Client, string Eip)> EipAsync()
    {
        var client = await server.NewClientAsync();
        var eip = (await client.Vpc("AllocateEipAddress", ("RegionId", RpcTestClient.Region))).Success().GetProperty("AllocationId").GetString()!;
        return (client, eip);
    }

    [Fact]
    public async Task MonitorData_SumsReportedDeltas_AcrossAnAgentRestart()
    {
        var (client, eip) = await EipAsync();
        var before = DateTimeOffset.UtcNow;
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(Report("2026-03-01T00:00:00Z", (eip, 1000, 2000, 10, 20), ("eip-released000000000", 5, 5, 5, 5)), token)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(Report("2026-03-01T00:00:00Z", (eip, 1500, 2600, 15, 26)), token)).StatusCode);
        // The agent restarted: its counters start again from zero under a new CountersSince.
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(Report("2026-03-01T00:05:00Z", (eip, 100, 200, 1, 2)), token)).StatusCode);

        var data = (await client.Vpc("DescribeEipMonitorData", ("RegionId", RpcTestClient.Region), ("AllocationId", eip),
            ("StartTime", Minute(before.AddMinutes(-2))), ("EndTime", Minute(DateTimeOffset.UtcNow.AddMinutes(2)))))
            .Success().GetProperty("EipMonitorDatas").GetProperty("EipMonitorData").EnumerateArray().ToList();
        Assert.Equal(4, data.Count);
        long Sum(string field) => data.Sum(d => d.GetProperty(field).GetInt64());
        Assert.Equal((1600L, 2800L, 44L, 4400L), (Sum("EipRX"), Sum("EipTX"), Sum("EipPackets"), Sum("EipFlow")));
        Assert.Equal(Sum("EipFlow") / 60, Sum("EipBandwidth"), tolerance: 3);
        Assert.Equal(Minute(before.AddMinutes(-2)), data[0].GetProperty("TimeStamp").GetString());
    }

    [Fact]
    public async Task MonitorData_AggregatesByPeriod()
    {
        var (client, eip) = await EipAsync();
        await PostAsync(Report("boot", (eip, 300, 600, 3, 6)), token);
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        var data = (await client.Vpc("DescribeEipMonitorData", ("RegionId", RpcTestClient.Region), ("AllocationId", eip),
            ("StartTime", Minute(start)), ("EndTime", Minute(start.AddHours(2))), ("Period", "900")))
            .Success().GetProperty("EipMonitorDatas").GetProperty("EipMonitorData").EnumerateArray().ToList();
        Assert.Equal(8, data.Count);
        var busy = Assert.Single(data, d => d.GetProperty("EipFlow").GetInt64() > 0);
        Assert.Equal((300L, 600L, 1L), (busy.GetProperty("EipRX").GetInt64(), busy.GetProperty("EipTX").GetInt64(), busy.GetProperty("EipBandwidth").GetInt64()));
    }

    [Fact]
    public async Task MonitorData_SecondsRoundUpToTheNextMinute()
    {
        var (client, eip) = await EipAsync();
        var data = (await client.Vpc("DescribeEipMonitorData", ("RegionId", RpcTestClient.Region), ("AllocationId", eip),
            ("StartTime", "2026-03-01T10:00:05Z"), ("EndTime", "2026-03-01T10:03:00Z"))).Success()
            .GetProperty("EipMonitorDatas").GetProperty("EipMonitorData").EnumerateArray().ToList();
        Assert.Equal(["2026-03-01T10:01:00Z", "2026-03-01T10:02:00Z"], data.Select(d => d.GetProperty("TimeStamp").GetString()));
    }

    public static TheoryData<string, string, string?, string, int> BadQueries => new()
    {
        // StartTime                 EndTime                  Period  code                             status
        { "2026-03-01 10:00:00",     "2026-03-01T11:00:00Z",  null,   "InvalidStartTime.Malformed",    400 },
        { "2026-03-01T10:00:00Z",    "yesterday",             null,   "InvalidEndTime.Malformed",      400 },
        { "2026-03-01T10:00:00Z",    "2026-03-01T11:00:00Z",  "120",  "InvalidParameter",              400 },
        { "2026-03-01T10:00:00Z",    "2026-03-01T11:00:00Z",  "x",    "InvalidParameter",              400 },
        { "2026-03-01T11:00:00Z",    "2026-03-01T10:00:00Z",  null,   "InvalidParameter",              400 },
        { "2026-03-01T00:00:00Z",    "2026-03-02T00:00:00Z",  "60",   "InvalidParameter.TooMany",      400 },
        { "9999-12-31T23:59:30Z",    "9999-12-31T23:59:59Z",  null,   "InvalidParameter",              400 },
    };

    [Theory, MemberData(nameof(BadQueries))]
    public async Task MonitorData_RejectsBadWindows_With4xx(string start, string end, string? period, string code, int status)
    {
        var (client, eip) = await EipAsync();
        (string, string)[] p = [("RegionId", RpcTestClient.Region), ("AllocationId", eip), ("StartTime", start), ("EndTime", end)];
        if (period is not null)
            p = [.. p, ("Period", period)];
        (await client.Vpc("DescribeEipMonitorData", p)).Error(code, status);
    }

    [Fact]
    public async Task MonitorData_IsNotFound_ForAnotherAccountsEip()
    {
        var (_, eip) = await EipAsync();
        var other = await server.NewClientAsync();
        (await other.Vpc("DescribeEipMonitorData", ("RegionId", RpcTestClient.Region), ("AllocationId", eip),
            ("StartTime", "2026-03-01T10:00:00Z"), ("EndTime", "2026-03-01T11:00:00Z"))).Error("InvalidAllocationId.NotFound", 404);
        (await other.Vpc("DescribeEipMonitorData", ("RegionId", RpcTestClient.Region), ("StartTime", "2026-03-01T10:00:00Z"),
            ("EndTime", "2026-03-01T11:00:00Z"))).Error("MissingParameter", 400);
    }

    [Fact]
    public async Task TrafficReport_IsRefused_WithoutAValidTokenOrBody()
    {
        var (_, eip) = await EipAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(Report("boot", (eip, 1, 1, 1, 1)), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(Report("boot", (eip, 1, 1, 1, 1)), "host-1.wrongsecret")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync("{not json", token)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(Report("boot", (eip, -1, 1, 1, 1)), token)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync("{\"Eips\":[]}", token)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync("{\"CountersSince\":\"boot\",\"Eips\":[null]}", token)).StatusCode);
        Assert.Empty(await server.Server.Store.EipTrafficSamplesAsync(eip, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1), CancellationToken.None));
    }
}
