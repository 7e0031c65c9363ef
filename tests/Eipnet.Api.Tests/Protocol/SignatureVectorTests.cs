using System.Text;
using Eipnet.Api.Protocol;

namespace Eipnet.Api.Tests.Protocol;

public sealed class SignatureVectorTests
{
    public static TheoryData<string, string, DateTimeOffset, SignatureKind> Vectors => new()
    {
        // source                                  captured request                    signed at              kind
        { "alibaba-api 6.3 DECS GET",              Captures.V1DecsGet,                 Captures.DecsAt,       SignatureKind.V1 },
        { "alibaba-api 6.3 derived POST",          Captures.V1DerivedPost,             Captures.DerivedAt,    SignatureKind.V1 },
        { "alibaba-api 6.5 derived V3",            Captures.V3DerivedPost,             Captures.DerivedAt,    SignatureKind.V3 },
        { "sdk-wire #1 V3",                        Captures.V3AssociateEipAddress,     Captures.CapturedAt,   SignatureKind.V3 },
        { "sdk-wire #5 V3 special chars and CJK",  Captures.V3CreateNetworkInterface,  Captures.CapturedAt,   SignatureKind.V3 },
        { "sdk-wire #11 openapi-core V1 POST",     Captures.V1OpenApiCorePost,         Captures.CapturedAt,   SignatureKind.V1 },
        { "sdk-wire #13 pop-core GET",             Captures.V1PopCoreGet,              Captures.CapturedAt,   SignatureKind.V1 },
        { "sdk-wire #14 pop-core POST form body",  Captures.V1PopCorePost,             Captures.CapturedAt,   SignatureKind.V1 },
    };

    [Theory, MemberData(nameof(Vectors))]
    public async Task Verify_Accepts_CapturedRequest(string source, string http, DateTimeOffset signedAt, SignatureKind kind)
    {
        var call = await WireRequest.ReadAsync(WireRequest.Parse(http));

        Assert.Equal(kind, call.Kind);
        Assert.Equal("testid", call.AccessKeyId);
        var error = SignatureVerifier.Verify(call, WireRequest.Secret, signedAt);
        Assert.True(error is null, $"{source}: {error?.Code} {error?.Message}");
    }

    [Fact]
    public void SignV1_ReproducesDecsVector()
    {
        KeyValuePair<string, string>[] parameters =
        [
            new("AccessKeyId", "testid"), new("Action", "DescribeRegions"), new("Format", "XML"),
            new("SignatureMethod", "HMAC-SHA1"), new("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"),
            new("SignatureVersion", "1.0"), new("Timestamp", "2016-02-23T12:46:24Z"), new("Version", "2014-05-26"),
        ];

        Assert.Equal("OLeaidS1JvxuMvnyHOwuJ+uX5qY=", SignatureV1.Sign("GET", parameters, WireRequest.Secret));
    }

    [Fact]
    public void SignV3_ReproducesCapturedAuthorization()
    {
        KeyValuePair<string, string>[] query =
        [
            new("RegionId", "cn-hangzhou"), new("AllocationId", "eip-bp1testalloc0001"), new("InstanceId", "eni-bp1testeni00001"),
            new("InstanceType", "NetworkInterface"), new("Mode", "NAT"), new("PrivateIpAddress", "192.168.0.10"),
        ];
        var headers = new Dictionary<string, string>
        {
            ["host"] = "127.0.0.1:18080",
            ["x-acs-version"] = "2016-04-28",
            ["x-acs-action"] = "AssociateEipAddress",
            ["user-agent"] = "AlibabaCloud (linux; x64) Node.js/v20.20.2 Core/1.0.1 TeaDSL/2",
            ["x-acs-date"] = "2026-11-26T01:09:44Z",
            ["x-acs-signature-nonce"] = "cf0c38fcd1e6b36068323b04055fb76814ddb471e95042195328e88697d8d341",
            ["accept"] = "application/json",
            ["x-acs-content-sha256"] = SignatureV3.ContentSha256([]),
            ["x-acs-credentials-provider"] = "static_ak",
        };

        var authorization = SignatureV3.Sign("POST", query, headers, [], "testid", WireRequest.Secret);

        Assert.Equal(
            "ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=b2fdf15f96a597ed2f450d617ad11f4807f293dc8950b1abacccfec7c90e0e4c",
            authorization);
    }

    [Fact]
    public async Task Verify_Accepts_RequestSignedBySignV3WithFormBody()
    {
        var request = WireRequest.SignedV3(
            "Name=with%20body&RegionId=cn-hangzhou",
            "TunnelOptionsSpecification.1.RemoteCaCertificate=a%2Bb%2Fc%3D%20*!'()~%20%E4%B8%AD&Role=master");

        var call = await WireRequest.ReadAsync(request);

        Assert.Null(SignatureVerifier.Verify(call, WireRequest.Secret, Captures.CapturedAt));
        Assert.Equal("a+b/c= *!'()~ 中", call.Get("TunnelOptionsSpecification.1.RemoteCaCertificate"));
    }

    [Fact]
    public void ContentSha256_IsLowerHexOfBody()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", SignatureV3.ContentSha256([]));
        Assert.Equal(
            "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
            SignatureV3.ContentSha256(Encoding.UTF8.GetBytes("hello")));
    }
}
