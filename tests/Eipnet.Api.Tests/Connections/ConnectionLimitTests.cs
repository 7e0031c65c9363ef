using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Connections;

/// <summary>The server bounds its client connections, in number and in idle time, so a client cannot pile up file
/// descriptors (issue 9).</summary>
public sealed class ConnectionLimitTests
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(10);

    private static string Request(Uri endpoint, string connection = "keep-alive") =>
        $"GET /?Action=DescribeRegions&Version=2016-04-28 HTTP/1.1\r\nHost: {endpoint.Authority}\r\nConnection: {connection}\r\n\r\n";

    /// <summary>Opens a connection and completes one request on it, so the server has certainly taken it on.</summary>
    private static async Task<TcpClient> OpenServedAsync(Uri endpoint)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(endpoint.Host, endpoint.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(Request(endpoint)));
        // Unsigned, so the app answers IncompleteSignature: an ordinary answer, not Throttling.
        (await RawHttp.ReadOneAsync(stream)).Error("IncompleteSignature", 400);
        return tcp;
    }

    /// <summary>Waits until the server closes the connection (a read returns 0); fails after 10 s.</summary>
    private static async Task WaitForServerCloseAsync(TcpClient tcp)
    {
        using var timeout = new CancellationTokenSource(WaitLimit);
        var buffer = new byte[256];
        try
        {
            while (await tcp.GetStream().ReadAsync(buffer, timeout.Token) > 0)
            {
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"Timed out after {WaitLimit.TotalSeconds:0} s waiting for the server to close an idle connection.");
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset })
        {
        }
    }

    [Fact]
    public async Task ConnectionOverLimit_GetsThrottlingEnvelope_AndIsClosed()
    {
        await using var server = await TestServer.StartAsync(configure: o => o with { MaxConnections = 2 });
        var endpoint = server.Server.Endpoint;
        using var first = await OpenServedAsync(endpoint);
        using var second = await OpenServedAsync(endpoint);

        // Asks for keep-alive, yet gets one answer and the connection closed.
        var refused = Assert.Single(await RawHttp.ExchangeAsync(endpoint, Request(endpoint)));
        refused.Error("Throttling", 400);
        Assert.Equal("application/json;charset=utf-8", refused.ContentType);
        Assert.Equal("close", refused.Headers["Connection"]);
        Assert.Contains("limit of 2 connections", refused.Str("Message"));

        // The connections within the limit still work.
        await first.GetStream().WriteAsync(Encoding.ASCII.GetBytes(Request(endpoint)));
        (await RawHttp.ReadOneAsync(first.GetStream())).Error("IncompleteSignature", 400);

        // Once one closes, a new connection is served again.
        first.Close();
        await Fixtures.WaitForAsync("a new connection served once one of two closed",
            async () => Assert.Single(await RawHttp.ExchangeAsync(endpoint, Request(endpoint, "close"))).Body,
            body => body.GetProperty("Code").GetString() == "IncompleteSignature");
    }

    [Fact]
    public async Task ConnectionOverLimit_GetsThrottling_ThroughHttpClient()
    {
        await using var server = await TestServer.StartAsync(configure: o => o with { MaxConnections = 1 });
        var client = await server.NewClientAsync();
        using var held = await OpenServedAsync(server.Server.Endpoint);
        (await client.Vpc("DescribeRegions")).Error("Throttling", 400);
    }

    [Fact]
    public async Task ConnectionsBeyondRefusalSlots_AreClosedWithoutAnswer()
    {
        await using var server = await TestServer.StartAsync(configure: o => o with { MaxConnections = 1 });
        var endpoint = server.Server.Endpoint;
        using var served = await OpenServedAsync(endpoint);
        var waiting = new List<TcpClient>();
        try
        {
            // 64 connections may wait for their Throttling answer; the server closes the 6 beyond them at once.
            for (var i = 0; i < 70; i++)
            {
                var tcp = new TcpClient();
                waiting.Add(tcp);
                await tcp.ConnectAsync(endpoint.Host, endpoint.Port);
            }
            var deadline = Stopwatch.StartNew();
            while (waiting.Count(ClosedByServer) < 6)
            {
                Assert.True(deadline.Elapsed < WaitLimit, $"Timed out waiting for 6 connections closed by the server; {waiting.Count(ClosedByServer)} are.");
                await Task.Delay(20);
            }
            var answered = waiting.Where(t => !ClosedByServer(t)).ToList();
            Assert.Equal(64, answered.Count);
            foreach (var tcp in answered.Take(3))
            {
                await tcp.GetStream().WriteAsync(Encoding.ASCII.GetBytes(Request(endpoint)));
                (await RawHttp.ReadOneAsync(tcp.GetStream())).Error("Throttling", 400);
            }
        }
        finally
        {
            foreach (var tcp in waiting)
                tcp.Dispose();
        }
    }

    // Readable with nothing to read: the server's FIN (or reset) has arrived.
    private static bool ClosedByServer(TcpClient tcp) => tcp.Client.Poll(0, SelectMode.SelectRead) && tcp.Client.Available == 0;

    [Fact]
    public async Task IdleConnection_IsClosedByServer_AfterIdleTimeout()
    {
        await using var server = await TestServer.StartAsync(configure: o => o with { IdleTimeout = TimeSpan.FromSeconds(1) });
        var endpoint = server.Server.Endpoint;

        // A connection that never sends a request, and one that went quiet after a request.
        using var silent = new TcpClient();
        await silent.ConnectAsync(endpoint.Host, endpoint.Port);
        using var quiet = await OpenServedAsync(endpoint);
        var idleSince = Stopwatch.StartNew();

        await WaitForServerCloseAsync(silent);
        await WaitForServerCloseAsync(quiet);
        Assert.True(idleSince.Elapsed >= TimeSpan.FromSeconds(0.9), $"closed after {idleSince.Elapsed.TotalSeconds:0.0} s, before the idle timeout");
    }

    [Fact]
    public async Task Server_Holds2000IdleConnections_ByDefault_AndStillServes()
    {
        await using var server = await TestServer.StartAsync();
        var client = await server.NewClientAsync();
        var endpoint = server.Server.Endpoint;
        var idle = new List<TcpClient>();
        try
        {
            for (var i = 0; i < 2000; i++)
            {
                var tcp = new TcpClient();
                idle.Add(tcp);
                await tcp.ConnectAsync(endpoint.Host, endpoint.Port);
            }
            (await client.Vpc("DescribeRegions")).Success();
            // The last of them is taken on as an ordinary connection, not refused, and the server closed none before it.
            await idle[^1].GetStream().WriteAsync(Encoding.ASCII.GetBytes(Request(endpoint)));
            (await RawHttp.ReadOneAsync(idle[^1].GetStream())).Error("IncompleteSignature", 400);
            Assert.DoesNotContain(idle, ClosedByServer);
        }
        finally
        {
            foreach (var tcp in idle)
                tcp.Dispose();
        }
    }
}
