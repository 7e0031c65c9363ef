using System.Net;
using System.Text;
using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Connections;

/// <summary>Requests the HTTP server refuses before any action runs still get Alibaba's error envelope with a 4xx (issue 9).</summary>
public sealed class KestrelRefusalTests(SharedServer fixture) : IClassFixture<SharedServer>
{
    private Uri Endpoint => fixture.Server.Server.Endpoint;

    private string Head(string requestLine, params string[] headers) =>
        $"{requestLine}\r\nHost: {Endpoint.Authority}\r\n{string.Concat(headers.Select(h => h + "\r\n"))}\r\n";

    /// <summary>Asserts the envelope exactly as the Tea SDKs and pop-core need it: 4xx, JSON content type, a non-empty Code.</summary>
    private static RpcResult AssertEnvelope(RpcResult r, string code, int status)
    {
        r.Error(code, status);
        Assert.Equal("application/json;charset=utf-8", r.ContentType);
        Assert.Equal("vpc.aliyuncs.com", r.Str("HostId"));
        Assert.Contains(r.Str("RequestId"), r.Str("Recommend"));
        Assert.False(string.IsNullOrWhiteSpace(r.Str("Message")));
        Assert.Equal("close", r.Headers["Connection"]);
        return r;
    }

    [Fact]
    public async Task LongQuery_GetsEnvelope414_WhenRequestLineExceeds64KiB()
    {
        var query = "Action=DescribeEipAddresses&Version=2016-04-28&RegionId=cn-hangzhou&Name=" + new string('x', 70 * 1024);
        var r = Assert.Single(await RawHttp.ExchangeAsync(Endpoint, Head($"GET /?{query} HTTP/1.1")));
        Assert.Contains("POST form body", AssertEnvelope(r, "InvalidRequest.LineTooLong", 414).Str("Message"));
    }

    [Fact]
    public async Task LongQuery_GetsEnvelope414_ThroughHttpClient()
    {
        var uri = new Uri(Endpoint, "/?Action=DescribeEipAddresses&Version=2016-04-28&Name=" + new string('x', 70 * 1024));
        var r = await RpcTestClient.SendAsync(new HttpRequestMessage(HttpMethod.Get, uri));
        r.Error("InvalidRequest.LineTooLong", 414);
    }

    [Fact]
    public async Task OversizedHeaders_GetEnvelope431_WhenOver32KiB()
    {
        var r = Assert.Single(await RawHttp.ExchangeAsync(Endpoint, Head("GET /?Action=DescribeRegions HTTP/1.1", "X-Filler: " + new string('h', 40 * 1024))));
        AssertEnvelope(r, "InvalidRequest.HeadersTooLarge", 431);
    }

    [Fact]
    public async Task ManyHeaders_GetEnvelope431_WhenOver100()
    {
        var headers = Enumerable.Range(0, 120).Select(i => $"X-H{i}: v").ToArray();
        var r = Assert.Single(await RawHttp.ExchangeAsync(Endpoint, Head("GET / HTTP/1.1", headers)));
        AssertEnvelope(r, "InvalidRequest.HeadersTooLarge", 431);
    }

    [Fact]
    public async Task OversizedHeaders_GetEnvelopeThroughHttpClient()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Endpoint, "/?Action=DescribeRegions"));
        request.Headers.TryAddWithoutValidation("X-Filler", new string('h', 40 * 1024));
        (await RpcTestClient.SendAsync(request)).Error("InvalidRequest.HeadersTooLarge", 431);
    }

    [Theory]
    [InlineData("GARBAGE")]
    [InlineData("GET /?Action=DescribeRegions")]
    [InlineData("GET /?Action=Describe Regions HTTP/1.1")]
    [InlineData("GET \u0001 HTTP/1.1")]
    public async Task MalformedRequestLine_GetsEnvelope400(string requestLine)
    {
        var r = Assert.Single(await RawHttp.ExchangeAsync(Endpoint, Head(requestLine)));
        AssertEnvelope(r, "InvalidRequest.Malformed", 400);
    }

    [Fact]
    public async Task MalformedHeader_GetsEnvelope400()
    {
        var r = Assert.Single(await RawHttp.ExchangeAsync(Endpoint, Head("GET / HTTP/1.1", "this line has no colon")));
        AssertEnvelope(r, "InvalidRequest.Malformed", 400);
    }

    [Fact]
    public async Task MalformedChunkedBody_GetsInvalidParameterEnvelope_NotAnEmptyBody()
    {
        var request = Head("POST / HTTP/1.1", "Transfer-Encoding: chunked", "Content-Type: application/x-www-form-urlencoded") + "zz\r\nAction=x\r\n0\r\n\r\n";
        // The app is reading the body when Kestrel finds the bad framing, so the app answers.
        var r = Assert.Single(await RawHttp.ExchangeAsync(Endpoint, request));
        r.Error("InvalidParameter", 400);
        Assert.Equal("application/json;charset=utf-8", r.ContentType);
    }

    [Fact]
    public async Task UnknownHttpVersion_GetsEnvelope400_Not505()
    {
        var r = Assert.Single(await RawHttp.ExchangeAsync(Endpoint, Head("GET / HTTP/1.7")));
        AssertEnvelope(r, "InvalidRequest.HttpVersion", 400);
    }

    [Fact]
    public async Task HeadRequest_GetsEnvelopeHeadersWithoutBody_WhenRefused()
    {
        var responses = await RawHttp.ExchangeAsync(Endpoint, Head("HEAD / HTTP/1.1", "X-Filler: " + new string('h', 40 * 1024)));
        var r = Assert.Single(responses);
        Assert.Equal((HttpStatusCode)431, r.Status);
        Assert.Equal("application/json;charset=utf-8", r.ContentType);
        Assert.Equal("", r.Raw);
    }

    [Fact]
    public async Task KeepAliveConnection_AnswersEarlierRequests_ThenEnvelopeForTheRefusedOne()
    {
        // Two requests the app answers, then one the server refuses, pipelined on one connection.
        var request = Head("GET /?Action=DescribeRegions&Version=2014-05-26 HTTP/1.1")
            + Head("GET /?Action=DescribeRegions&Version=2016-04-28&Format=XML HTTP/1.1")
            + Head("GET / HTTP/1.1", "no colon here");
        var responses = await RawHttp.ExchangeAsync(Endpoint, request);
        Assert.Equal(3, responses.Count);
        responses[0].Error("IncompleteSignature", 400);
        Assert.Equal("ecs.aliyuncs.com", responses[0].Str("HostId"));
        Assert.Contains("<Code>IncompleteSignature</Code>", responses[1].Raw);
        AssertEnvelope(responses[2], "InvalidRequest.Malformed", 400);
    }

    [Fact]
    public async Task SlowHeaders_GetEnvelope408_AfterRequestHeadersTimeout()
    {
        await using var server = await TestServer.StartAsync(configure: o => o with { IdleTimeout = TimeSpan.FromSeconds(1) });
        var endpoint = server.Server.Endpoint;
        // The request line and one header, then nothing: the server gives up on the headers and answers.
        var r = Assert.Single(await RawHttp.ExchangeAsync(endpoint, $"GET /?Action=DescribeRegions HTTP/1.1\r\nHost: {endpoint.Authority}\r\n"));
        Assert.Contains("1 s", AssertEnvelope(r, "InvalidRequest.Timeout", 408).Str("Message"));
    }
}
