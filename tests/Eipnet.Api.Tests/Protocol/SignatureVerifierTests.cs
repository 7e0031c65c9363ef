using Eipnet.Api.Protocol;

namespace Eipnet.Api.Tests.Protocol;

public sealed class SignatureVerifierTests
{
    private const string NotMatchedPrefix = "Specified signature is not matched with our calculation. server string to sign is:";

    [Fact]
    public async Task Verify_ReportsServerStringToSign_WhenV1SecretIsWrong()
    {
        var call = await WireRequest.ReadAsync(WireRequest.Parse(Captures.V1PopCoreGet));

        var error = SignatureVerifier.Verify(call, "wrongsecret", Captures.CapturedAt);

        Assert.Equal(("SignatureDoesNotMatch", 400), (error?.Code, error?.HttpStatus));
        Assert.Equal(NotMatchedPrefix + Captures.V1PopCoreGetStringToSign, error?.Message);
    }

    [Fact]
    public async Task Verify_ReportsServerStringToSign_WhenV3SecretIsWrong()
    {
        var call = await WireRequest.ReadAsync(WireRequest.Parse(Captures.V3AssociateEipAddress));

        var error = SignatureVerifier.Verify(call, "wrongsecret", Captures.CapturedAt);

        Assert.Equal(("SignatureDoesNotMatch", 400), (error?.Code, error?.HttpStatus));
        Assert.Equal(NotMatchedPrefix + Captures.V3AssociateEipAddressStringToSign, error?.Message);
    }

    [Fact]
    public async Task Verify_KeepsSecretAndExpectedSignatureOutOfMessage_WhenSecretIsWrong()
    {
        var call = await WireRequest.ReadAsync(WireRequest.Parse(Captures.V1PopCoreGet));

        var message = SignatureVerifier.Verify(call, WireRequest.Secret + "x", Captures.CapturedAt)?.Message;

        Assert.NotNull(message);
        Assert.DoesNotContain(WireRequest.Secret, message);
        Assert.DoesNotContain(SignatureV1.Sign("GET", call.Parameters, WireRequest.Secret + "x"), message);
    }

    [Fact]
    public async Task Verify_SortsParameterNamesOrdinally_AsJavaScriptDoes()
    {
        // Ordinal puts VSwitchId before VpcId ('S' < 'p'); a culture-aware or case-insensitive sort does not.
        var call = await WireRequest.ReadAsync(WireRequest.SignedV1(WireRequest.V1Parameters(("VpcId", "vpc-1"), ("VSwitchId", "vsw-1"))));

        var error = SignatureVerifier.Verify(call, "wrongsecret", Captures.CapturedAt);

        Assert.Contains("%26VSwitchId%3Dvsw-1%26Version%3D2016-04-28%26VpcId%3Dvpc-1", error?.Message);
        Assert.Null(SignatureVerifier.Verify(call, WireRequest.Secret, Captures.CapturedAt));
    }

    public static TheoryData<string, DateTimeOffset> Captured => new()
    {
        { Captures.V3AssociateEipAddress, Captures.CapturedAt },
        { Captures.V3CreateNetworkInterface, Captures.CapturedAt },
        { Captures.V1OpenApiCorePost, Captures.CapturedAt },
        { Captures.V1PopCoreGet, Captures.CapturedAt },
        { Captures.V1PopCorePost, Captures.CapturedAt },
    };

    [Theory, MemberData(nameof(Captured))]
    public async Task Verify_Rejects_WhenParameterIsTampered(string http, DateTimeOffset signedAt)
    {
        var call = await WireRequest.ReadAsync(WireRequest.Parse(http.Replace("cn-hangzhou", "cn-beijing")));

        Assert.Equal("SignatureDoesNotMatch", SignatureVerifier.Verify(call, WireRequest.Secret, signedAt)?.Code);
    }

    [Fact]
    public async Task Verify_Rejects_WhenExtraQueryParameterIsAppended()
    {
        var call = await WireRequest.ReadAsync(WireRequest.Parse(Captures.V3AssociateEipAddress.Replace("RegionId=cn-hangzhou", "RegionId=cn-hangzhou&DryRun=true")));

        Assert.Equal("SignatureDoesNotMatch", SignatureVerifier.Verify(call, WireRequest.Secret, Captures.CapturedAt)?.Code);
    }

    [Fact]
    public async Task Verify_Rejects_WhenBodyDiffersFromContentSha256()
    {
        var request = WireRequest.SignedV3("RegionId=cn-hangzhou", "Name=original");
        request.Body = new MemoryStream("Name=tampered"u8.ToArray());
        request.ContentLength = request.Body.Length;

        var call = await WireRequest.ReadAsync(request);
        var error = SignatureVerifier.Verify(call, WireRequest.Secret, Captures.CapturedAt);

        Assert.Equal(("SignatureDoesNotMatch", 400), (error?.Code, error?.HttpStatus));
        Assert.Equal("tampered", call.Get("Name"));
    }

    [Fact]
    public async Task Verify_Rejects_WhenBodyAndContentSha256AreBothReplaced()
    {
        var request = WireRequest.SignedV3("RegionId=cn-hangzhou", "Name=original");
        var tampered = "Name=tampered"u8.ToArray();
        request.Body = new MemoryStream(tampered);
        request.ContentLength = tampered.Length;
        request.Headers["x-acs-content-sha256"] = SignatureV3.ContentSha256(tampered);

        var call = await WireRequest.ReadAsync(request);

        Assert.Equal("SignatureDoesNotMatch", SignatureVerifier.Verify(call, WireRequest.Secret, Captures.CapturedAt)?.Code);
    }

    [Theory]
    [InlineData("host")]
    [InlineData("x-acs-action")]
    [InlineData("x-acs-version")]
    [InlineData("x-acs-date")]
    [InlineData("x-acs-signature-nonce")]
    [InlineData("x-acs-content-sha256")]
    public async Task Verify_ReportsIncompleteSignature_WhenRequiredHeaderIsNotSigned(string header)
    {
        const string all = "host;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version";
        var fewer = string.Join(';', all.Split(';').Where(name => name != header));
        var http = Captures.V3AssociateEipAddress.Replace($"SignedHeaders={all},", $"SignedHeaders={fewer},");
        Assert.NotEqual(Captures.V3AssociateEipAddress, http);
        var call = await WireRequest.ReadAsync(WireRequest.Parse(http));

        var error = SignatureVerifier.Verify(call, WireRequest.Secret, Captures.CapturedAt);

        Assert.Equal(("IncompleteSignature", 400), (error?.Code, error?.HttpStatus));
        Assert.Contains(header, error?.Message);
    }

    [Fact]
    public async Task Verify_ReportsIncompleteSignature_WhenFormBodyContentTypeIsNotSigned()
    {
        var request = WireRequest.SignedV3("RegionId=cn-hangzhou", "Name=original");
        var authorization = request.Headers.Authorization.ToString();
        request.Headers.Authorization = authorization.Replace("SignedHeaders=content-type;", "SignedHeaders=");
        var call = await WireRequest.ReadAsync(request);

        var error = SignatureVerifier.Verify(call, WireRequest.Secret, Captures.CapturedAt);

        Assert.Equal("IncompleteSignature", error?.Code);
        Assert.Contains("content-type", error?.Message);
    }

    [Theory]
    [InlineData(-16, "InvalidTimeStamp.Expired")]
    [InlineData(-15, null)]
    [InlineData(0, null)]
    [InlineData(15, null)]
    [InlineData(16, "InvalidTimeStamp.Expired")]
    public async Task Verify_EnforcesFifteenMinuteWindow(int serverMinutesAhead, string? expected)
    {
        var call = await WireRequest.ReadAsync(WireRequest.Parse(Captures.V3AssociateEipAddress));

        var error = SignatureVerifier.Verify(call, WireRequest.Secret, Captures.CapturedAt.AddMinutes(serverMinutesAhead));

        Assert.Equal(expected, error?.Code);
        if (error is not null)
            Assert.Equal(("Specified time stamp or date value is expired.", 400), (error.Message, error.HttpStatus));
    }

    [Theory]
    [InlineData("2026-11-26 01:09:44")]
    [InlineData("2026-11-26T01:09:44.000Z")]
    [InlineData("2026-11-26T01:09:44+08:00")]
    [InlineData("2026-11-26T01:09:44")]
    [InlineData("1795741784")]
    [InlineData("2026-13-26T01:09:44Z")]
    public async Task Verify_ReportsTimestampFormat_WhenTimestampIsNotUtcSeconds(string timestamp)
    {
        var request = WireRequest.SignedV1(WireRequest.V1Parameters(("Timestamp", timestamp)));
        var call = await WireRequest.ReadAsync(request);

        var error = SignatureVerifier.Verify(call, WireRequest.Secret, Captures.CapturedAt);

        Assert.Equal(("InvalidTimeStamp.Format", 400), (error?.Code, error?.HttpStatus));
    }

    [Fact]
    public async Task Verify_Accepts_V1RequestSignedBySignV1()
    {
        var call = await WireRequest.ReadAsync(WireRequest.SignedV1(WireRequest.V1Parameters(("Description", "a+b c&d=e%中"))));

        Assert.Null(SignatureVerifier.Verify(call, WireRequest.Secret, Captures.CapturedAt));
    }

    [Theory]
    [InlineData("SignatureMethod", "HMAC-SHA256", "InvalidParameter")]
    [InlineData("SignatureVersion", "2.0", "InvalidParameter")]
    public async Task Verify_Rejects_WhenV1MethodOrVersionIsUnsupported(string name, string value, string expected)
    {
        var call = await WireRequest.ReadAsync(WireRequest.SignedV1(WireRequest.V1Parameters((name, value))));

        var error = SignatureVerifier.Verify(call, WireRequest.Secret, Captures.CapturedAt);

        Assert.Equal(expected, error?.Code);
        Assert.Contains(name, error?.Message);
    }

    [Fact]
    public async Task Verify_Rejects_WhenSignedTimestampDiffersFromUnsignedHeader()
    {
        // V1 leaves x-acs-date unsigned; a fresh header must not make an old signed Timestamp pass.
        var request = WireRequest.SignedV1(WireRequest.V1Parameters(("Timestamp", "2026-11-25T01:09:44Z")));
        request.Headers["x-acs-date"] = "2026-11-26T01:09:44Z";
        var call = await WireRequest.ReadAsync(request);

        Assert.Equal("InvalidTimeStamp.Expired", SignatureVerifier.Verify(call, WireRequest.Secret, Captures.CapturedAt)?.Code);
    }

    [Fact]
    public async Task CheckPresent_ReportsIncompleteSignature_WhenRequestIsUnsigned()
    {
        var call = await WireRequest.ReadAsync(WireRequest.Create("GET", "Action=DescribeRegions&AccessKeyId=testid"));

        var error = SignatureVerifier.CheckPresent(call);

        Assert.Equal(SignatureKind.None, call.Kind);
        Assert.Equal(("IncompleteSignature", 400), (error?.Code, error?.HttpStatus));
        Assert.Equal("The request signature does not conform to Aliyun standards.", error?.Message);
    }

    [Theory]
    [InlineData("AccessKeyId")]
    [InlineData("SignatureNonce")]
    [InlineData("Timestamp")]
    public async Task CheckPresent_ReportsMissingParameter_WhenV1RequestLacksIt(string name)
    {
        var parameters = WireRequest.V1Parameters().Where(p => p.Item1 != name).ToArray();
        var call = await WireRequest.ReadAsync(WireRequest.SignedV1(parameters));

        var error = SignatureVerifier.CheckPresent(call);

        Assert.Equal(("MissingParameter", 400), (error?.Code, error?.HttpStatus));
        Assert.Contains(name, error?.Message);
    }

    [Theory]
    [InlineData("Credential=testid,")]
    [InlineData(",Signature=b2fdf15f96a597ed2f450d617ad11f4807f293dc8950b1abacccfec7c90e0e4c")]
    public async Task CheckPresent_ReportsIncompleteSignature_WhenAuthorizationLacksField(string removed)
    {
        var call = await WireRequest.ReadAsync(WireRequest.Parse(Captures.V3AssociateEipAddress.Replace(removed, "")));

        Assert.Equal(SignatureKind.V3, call.Kind);
        Assert.Equal("IncompleteSignature", SignatureVerifier.CheckPresent(call)?.Code);
    }

    [Fact]
    public async Task CheckPresent_Accepts_CompleteV3Request()
    {
        var call = await WireRequest.ReadAsync(WireRequest.Parse(Captures.V3AssociateEipAddress));

        Assert.Null(SignatureVerifier.CheckPresent(call));
    }
}
