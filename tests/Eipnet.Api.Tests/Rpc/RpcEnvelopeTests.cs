using System.Net;
using System.Text;
using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Rpc;

/// <summary>The endpoint over real HTTP: authentication, replay protection, bad input and the error envelope.</summary>
public sealed class RpcEnvelopeTests(SharedServer fixture) : IClassFixture<SharedServer>
{
    private RpcTestClient Client => fixture.Client;
    private static readonly (string, string)[] Region = [("RegionId", "cn-hangzhou")];

    private async Task<long> EipCountAsync() =>
        (await Client.Vpc("DescribeEipAddresses", ("RegionId", "cn-hangzhou"))).Success().GetProperty("TotalCount").GetInt64();

    public static TheoryData<Signing> Signings => new() { Signing.V3, Signing.V1Query, Signing.V1Get, Signing.V1Form };

    [Theory, MemberData(nameof(Signings))]
    public async Task Call_FailsWithSignatureDoesNotMatch_WhenSecretIsWrong(Signing signing)
    {
        var before = await EipCountAsync();
        var r = await Client.CallAsync(RpcTestClient.VpcVersion, "AllocateEipAddress", Region, signing, secret: "not-the-secret");
        r.Error("SignatureDoesNotMatch", 400);
        Assert.StartsWith("Specified signature is not matched with our calculation. server string to sign is:", r.Str("Message"));
        Assert.DoesNotContain(Client.Account.AccessKeySecret, r.Raw);
        Assert.Equal(before, await EipCountAsync());
    }

    [Theory, MemberData(nameof(Signings))]
    public async Task Call_FailsWithAccessKeyNotFound_WhenKeyIsUnknown(Signing signing)
    {
        var stranger = new RpcTestClient(Client.Endpoint, Client.Account with { AccessKeyId = "LTAIunknownkey0000000" }) { Signing = signing };
        (await stranger.Vpc("DescribeEipAddresses", Region)).Error("InvalidAccessKeyId.NotFound", 404);
    }

    [Theory]
    [InlineData(Signing.V3, 16)]
    [InlineData(Signing.V1Query, -16)]
    public async Task Call_FailsWithExpiredTimestamp_WhenMoreThan15MinutesOff(Signing signing, int minutes)
    {
        var r = await Client.CallAsync(RpcTestClient.VpcVersion, "DescribeEipAddresses", Region, signing, time: DateTimeOffset.UtcNow.AddMinutes(minutes));
        r.Error("InvalidTimeStamp.Expired", 400);
    }

    [Theory, MemberData(nameof(Signings))]
    public async Task Call_FailsWithNonceUsed_WhenNonceReplayed(Signing signing)
    {
        var nonce = Guid.NewGuid().ToString("N");
        (await Client.CallAsync(RpcTestClient.VpcVersion, "DescribeEipAddresses", Region, signing, nonce: nonce)).Success();
        (await Client.CallAsync(RpcTestClient.VpcVersion, "DescribeEipAddresses", Region, signing, nonce: nonce)).Error("SignatureNonceUsed", 400);
    }

    [Fact]
    public async Task ReplayedRequest_IsRejected_WithoutChangingState()
    {
        var request = Client.Build(RpcTestClient.VpcVersion, "AllocateEipAddress", Region, Signing.V3, Client.Account.AccessKeySecret, DateTimeOffset.UtcNow, Guid.NewGuid().ToString("N"));
        var copy = Client.Build(RpcTestClient.VpcVersion, "AllocateEipAddress", Region, Signing.V3, Client.Account.AccessKeySecret, DateTimeOffset.UtcNow, Guid.NewGuid().ToString("N"));
        (await RpcTestClient.SendAsync(request)).Success();
        var before = await EipCountAsync();
        // The same signed bytes again: same nonce.
        var replay = new HttpRequestMessage(HttpMethod.Post, request.RequestUri);
        foreach (var h in request.Headers)
            replay.Headers.TryAddWithoutValidation(h.Key, h.Value);
        (await RpcTestClient.SendAsync(replay)).Error("SignatureNonceUsed");
        Assert.Equal(before, await EipCountAsync());
        copy.Dispose();
    }

    [Fact]
    public async Task UnsignedRequest_FailsWithIncompleteSignature()
    {
        var r = await RpcTestClient.SendAsync(new HttpRequestMessage(HttpMethod.Get,
            new Uri(Client.Endpoint, "/?Action=DescribeEipAddresses&Version=2016-04-28&RegionId=cn-hangzhou")));
        r.Error("IncompleteSignature", 400);
    }

    [Fact]
    public async Task UnknownAction_FailsWithActionNotFound_As400NotA404()
    {
        (await Client.Vpc("DescribeTheMoon", Region)).Error("InvalidAction.NotFound", 400);
        // An ECS action called with the VPC version is not found either.
        (await Client.Vpc("RunInstances", Region)).Error("InvalidAction.NotFound", 400);
    }

    [Fact]
    public async Task UnknownVersion_FailsWithInvalidVersion()
    {
        (await Client.CallAsync("2099-01-01", "DescribeEipAddresses", Region)).Error("InvalidVersion", 400);
    }

    [Fact]
    public async Task MissingRequiredParameter_FailsWithMissingParameter()
    {
        var r = await Client.Vpc("AllocateEipAddress");
        r.Error("MissingParameter", 400);
        Assert.Contains("RegionId", r.Str("Message"));
    }

    [Fact]
    public async Task UnknownRegion_FailsWithRegionNotFound404()
    {
        (await Client.Vpc("AllocateEipAddress", ("RegionId", "mars-north-1"))).Error("InvalidRegionId.NotFound", 404);
    }

    [Fact]
    public async Task ErrorEnvelope_HasRequestIdHostIdCodeMessageRecommend()
    {
        var r = await Client.Vpc("ReleaseEipAddress", ("RegionId", "cn-hangzhou"), ("AllocationId", "eip-doesnotexist0000000"));
        r.Error("InvalidAllocationId.NotFound", 404);
        Assert.Equal("application/json; charset=utf-8", r.ContentType?.Replace(";charset", "; charset"));
        Assert.Equal("vpc.aliyuncs.com", r.Str("HostId"));
        Assert.Contains("InvalidAllocationId.NotFound", r.Str("Recommend"));
        Assert.Contains(r.Str("RequestId"), r.Str("Recommend"));
    }

    [Fact]
    public async Task FormatXml_AnswersXml_ForSuccessAndError()
    {
        var ok = await Client.CallAsync(RpcTestClient.VpcVersion, "DescribeEipAddresses", [("RegionId", "cn-hangzhou"), ("Format", "XML")], Signing.V1Query);
        Assert.Equal(HttpStatusCode.OK, ok.Status);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", ok.Raw);
        Assert.Contains("<DescribeEipAddressesResponse>", ok.Raw);
        Assert.Contains("<EipAddresses", ok.Raw);
        var bad = await Client.CallAsync(RpcTestClient.VpcVersion, "ReleaseEipAddress", [("RegionId", "cn-hangzhou"), ("AllocationId", "eip-x"), ("Format", "XML")], Signing.V1Query);
        Assert.Equal(HttpStatusCode.NotFound, bad.Status);
        Assert.Contains("<Error>", bad.Raw);
        Assert.Contains("<Code>InvalidAllocationId.NotFound</Code>", bad.Raw);
    }

    [Theory]
    [InlineData("RegionId=cn-hangzhou&Name=%FF%FE")]
    [InlineData("RegionId=cn-hangzhou&Name=%G1")]
    [InlineData("RegionId=cn-hangzhou&Name=abc%")]
    public async Task MalformedQuery_FailsWithInvalidParameter_NotServerError(string query)
    {
        var r = await RawHttp.SendAsync(Client.Endpoint, "/?" + query);
        r.Error("InvalidParameter", 400);
    }

    [Fact]
    public async Task OversizedParameter_FailsWithClientError()
    {
        var before = await EipCountAsync();
        var r = await Client.Vpc("AllocateEipAddress", ("RegionId", "cn-hangzhou"), ("Name", new string('x', 40_000)));
        Assert.InRange((int)r.Status, 400, 499);
        Assert.Equal(before, await EipCountAsync());
    }

    [Fact]
    public async Task OversizedBody_FailsWithClientError()
    {
        // Over our 1 MiB limit, under the transport's: the answer is Alibaba's envelope, not a dropped connection.
        var body = new StringContent("Name=" + new string('x', 1536 * 1024), Encoding.ASCII, "application/x-www-form-urlencoded");
        var r = await RpcTestClient.SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(Client.Endpoint, "/")) { Content = body });
        r.Error("InvalidParameter", 400);
    }

    [Fact]
    public async Task NameOverLimit_FailsWithInvalidParameter_AndStoresNothing()
    {
        var before = await EipCountAsync();
        (await Client.Vpc("AllocateEipAddress", ("RegionId", "cn-hangzhou"), ("Name", new string('n', 129)))).Error("InvalidParameter", 400);
        (await Client.Vpc("AllocateEipAddress", ("RegionId", "cn-hangzhou"), ("Bandwidth", "0"))).Error("InvalidParameter", 400);
        (await Client.Vpc("AllocateEipAddress", ("RegionId", "cn-hangzhou"), ("Bandwidth", "five"))).Error("InvalidParameter", 400);
        (await Client.Vpc("AllocateEipAddress", ("RegionId", "cn-hangzhou"), ("InternetChargeType", "PayByMood"))).Error("InvalidParameter", 400);
        Assert.Equal(before, await EipCountAsync());
    }
}
