using Eipnet.Api.Protocol;
using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Rpc;

/// <summary>Issue 12: a V3 signature covers the host header, which must be the Host the request was sent with.</summary>
public sealed class SignedHostTests : IClassFixture<SharedServer>
{
    private readonly RpcTestClient client;

    public SignedHostTests(SharedServer server) => client = server.Client;

    private HttpRequestMessage SignedFor(Uri endpoint) =>
        new RpcTestClient(endpoint, client.Account).Build(RpcTestClient.VpcVersion, "DescribeRegions", [], Signing.V3,
            client.Account.AccessKeySecret, DateTimeOffset.UtcNow, Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task V3Call_FailsWithSignatureDoesNotMatch_WhenSignedHostIsNotTheRequestsHost()
    {
        // Signed for Alibaba's endpoint, sent to this server.
        using var request = SignedFor(new Uri("https://vpc.aliyuncs.com/"));
        request.RequestUri = new Uri(client.Endpoint, request.RequestUri!.PathAndQuery);

        var result = await RpcTestClient.SendAsync(request);

        result.Error("SignatureDoesNotMatch", 400);
        Assert.Contains("server string to sign is:", result.Str("Message"));
    }

    [Fact]
    public async Task V3Call_Succeeds_WhenSignedHostIsTheHostSent_EvenIfNotTheListenAddress()
    {
        // A proxy or a DNS name in front of the server: the client signs the name it sends, not the server's address.
        using var request = SignedFor(new Uri("https://vpc.eipnet.test/"));
        request.RequestUri = new Uri(client.Endpoint, request.RequestUri!.PathAndQuery);
        request.Headers.Host = "vpc.eipnet.test";

        (await RpcTestClient.SendAsync(request)).Success();
    }

    [Fact]
    public async Task V3Call_FailsWithSignatureDoesNotMatch_WhenHostHeaderIsMissing()
    {
        // HTTP/1.0 lets a request leave Host out. Signed with an empty host, it would verify, and pin no server.
        var headers = new Dictionary<string, string>
        {
            ["host"] = "",
            ["x-acs-action"] = "DescribeRegions",
            ["x-acs-version"] = RpcTestClient.VpcVersion,
            ["x-acs-date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            ["x-acs-signature-nonce"] = Guid.NewGuid().ToString("N"),
            ["x-acs-content-sha256"] = SignatureV3.ContentSha256([]),
        };
        var authorization = SignatureV3.Sign("POST", [], headers, [], client.Account.AccessKeyId, client.Account.AccessKeySecret);
        var sent = string.Concat(headers.Where(h => h.Key != "host").Select(h => $"{h.Key}: {h.Value}\r\n"));
        var head = $"POST / HTTP/1.0\r\n{sent}Authorization: {authorization}\r\nContent-Length: 0\r\n\r\n";

        var result = Assert.Single(await RawHttp.ExchangeAsync(client.Endpoint, head));

        result.Error("SignatureDoesNotMatch", 400);
        Assert.Contains("no Host header", result.Str("Message"));
    }
}
