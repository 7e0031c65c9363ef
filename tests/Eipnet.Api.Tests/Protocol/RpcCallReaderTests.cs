using System.Text;
using Eipnet.Api.Protocol;
using Eipnet.Domain.Errors;
using Microsoft.AspNetCore.Http;

namespace Eipnet.Api.Tests.Protocol;

public sealed class RpcCallReaderTests
{
    private const string Form = "application/x-www-form-urlencoded";

    private static async Task<EipError> ReadErrorAsync(HttpRequest request)
    {
        var result = await RpcCallReader.ReadAsync(request, CancellationToken.None);
        Assert.False(result.Succeeded);
        return result.Error;
    }

    [Theory]
    // raw pairs             what the message names
    [InlineData("A=%FF",     "not valid UTF-8")]
    [InlineData("A=%C3%28",  "not valid UTF-8")]
    [InlineData("A=%ED%A0%80", "not valid UTF-8")]
    [InlineData("%FF=1",     "not valid UTF-8")]
    [InlineData("A=%G1",     "malformed percent-encoding \"%G1\"")]
    [InlineData("A=1%",      "truncated percent-encoding")]
    [InlineData("A=%4",      "truncated percent-encoding")]
    [InlineData("A%=1",      "truncated percent-encoding")]
    public async Task ReadAsync_ReportsInvalidParameter_WhenQueryIsNotDecodable(string query, string problem)
    {
        var error = await ReadErrorAsync(WireRequest.Create("GET", query));

        Assert.Equal(("InvalidParameter", 400), (error.Code, error.HttpStatus));
        Assert.Contains(problem, error.Message);
        Assert.Contains("query string", error.Message);
    }

    [Theory]
    [InlineData("A=%FF")]
    [InlineData("A=%G1")]
    [InlineData("A=1%")]
    public async Task ReadAsync_ReportsInvalidParameter_WhenFormBodyIsNotDecodable(string body)
    {
        var error = await ReadErrorAsync(WireRequest.Create("POST", "", Encoding.ASCII.GetBytes(body), Form));

        Assert.Equal(("InvalidParameter", 400), (error.Code, error.HttpStatus));
        Assert.Contains("form body", error.Message);
    }

    [Fact]
    public async Task ReadAsync_ReportsInvalidParameter_WhenRawFormBodyBytesAreNotUtf8()
    {
        var error = await ReadErrorAsync(WireRequest.Create("POST", "", [(byte)'A', (byte)'=', 0xC0, 0xAF], Form));

        Assert.Equal("InvalidParameter", error.Code);
        Assert.Contains("UTF-8", error.Message);
    }

    [Fact]
    public async Task ReadAsync_ReportsBodyTooLarge_WhenContentLengthExceedsOneMebibyte()
    {
        var request = WireRequest.Create("POST", "", new byte[RpcCallReader.MaxBodyBytes + 1], Form);

        var error = await ReadErrorAsync(request);

        Assert.Equal(("InvalidParameter", 400), (error.Code, error.HttpStatus));
        Assert.Contains("request body too large", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ReadAsync_ReportsBodyTooLarge_WhenChunkedBodyExceedsOneMebibyte()
    {
        var request = WireRequest.Create("POST", "");
        request.Body = new MemoryStream(new byte[RpcCallReader.MaxBodyBytes + 1]);

        var error = await ReadErrorAsync(request);

        Assert.Contains("request body too large", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ReadAsync_Accepts_BodyOfExactlyOneMebibyte()
    {
        var call = await WireRequest.ReadAsync(WireRequest.Create("POST", "", new byte[RpcCallReader.MaxBodyBytes], "application/octet-stream"));

        Assert.Empty(call.Parameters);
    }

    [Theory]
    [InlineData(1000, 0, true)]
    [InlineData(1001, 0, false)]
    [InlineData(600, 400, true)]
    [InlineData(600, 401, false)]
    public async Task ReadAsync_LimitsParameterCountPerRequest(int inQuery, int inBody, bool accepted)
    {
        var query = string.Join('&', Enumerable.Range(0, inQuery).Select(i => $"Q{i}=v"));
        var body = Encoding.ASCII.GetBytes(string.Join('&', Enumerable.Range(0, inBody).Select(i => $"B{i}=v")));

        var result = await RpcCallReader.ReadAsync(WireRequest.Create("POST", query, body, Form), CancellationToken.None);

        Assert.Equal(accepted, result.Succeeded);
        if (!accepted)
            Assert.Equal(("InvalidParameter", 400), (result.Error?.Code, result.Error?.HttpStatus));
    }

    [Theory]
    [InlineData(256, true)]
    [InlineData(257, false)]
    public async Task ReadAsync_LimitsNameLength(int length, bool accepted)
    {
        var result = await RpcCallReader.ReadAsync(WireRequest.Create("GET", new string('N', length) + "=v"), CancellationToken.None);

        Assert.Equal(accepted, result.Succeeded);
        Assert.Equal(accepted ? null : "InvalidParameter", result.Error?.Code);
    }

    [Theory]
    [InlineData("a", 32 * 1024, true)]
    [InlineData("a", 32 * 1024 + 1, false)]
    [InlineData("中", 10922, true)]   // 32766 UTF-8 bytes
    [InlineData("中", 10923, false)]  // 32769 UTF-8 bytes: the limit counts bytes, not characters
    public async Task ReadAsync_LimitsValueBytes(string unit, int repeat, bool accepted)
    {
        var value = string.Concat(Enumerable.Repeat(unit, repeat));
        var body = Encoding.ASCII.GetBytes("Description=" + PercentEncoding.Encode(value));

        var result = await RpcCallReader.ReadAsync(WireRequest.Create("POST", "", body, Form), CancellationToken.None);

        Assert.Equal(accepted, result.Succeeded);
        if (!accepted)
            Assert.Contains("Description", result.Error?.Message);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    [InlineData("OPTIONS")]
    public async Task ReadAsync_ReportsUnsupportedHttpMethod_WhenMethodIsNotGetPostOrHead(string method)
    {
        var error = await ReadErrorAsync(WireRequest.Create(method, "Action=DescribeRegions"));

        Assert.Equal(("UnsupportedHTTPMethod", 403), (error.Code, error.HttpStatus));
    }

    [Fact]
    public async Task ReadAsync_TakesActionAndVersionFromHeaders_WhenParametersAreAbsent()
    {
        var call = await WireRequest.ReadAsync(WireRequest.Parse(Captures.V3AssociateEipAddress));

        Assert.Equal(("AssociateEipAddress", "2016-04-28"), (call.Action, call.Version));
        Assert.Equal("cf0c38fcd1e6b36068323b04055fb76814ddb471e95042195328e88697d8d341", call.Nonce);
        Assert.Equal("2026-11-26T01:09:44Z", call.Timestamp);
        Assert.Equal("eip-bp1testalloc0001", call.Get("AllocationId"));
        Assert.Null(call.Get("Action"));
    }

    [Fact]
    public async Task ReadAsync_PrefersSignedParameters_WhenV1HeadersDisagree()
    {
        var request = WireRequest.SignedV1(WireRequest.V1Parameters(("Action", "DescribeEipAddresses")));
        request.Headers["x-acs-action"] = "ReleaseEipAddress";
        request.Headers["x-acs-version"] = "2014-05-26";
        request.Headers["x-acs-signature-nonce"] = "unsigned-nonce";
        request.Headers["x-acs-date"] = "2030-01-01T00:00:00Z";

        var call = await WireRequest.ReadAsync(request);

        Assert.Equal(SignatureKind.V1, call.Kind);
        Assert.Equal(("DescribeEipAddresses", "2016-04-28"), (call.Action, call.Version));
        Assert.Equal(("a68b421387869653ac0b9ea3ceb771f1", "2026-11-26T01:09:44Z"), (call.Nonce, call.Timestamp));
    }

    [Fact]
    public async Task ReadAsync_IgnoresUnsignedActionHeader_WhenV1RequestHasNoActionParameter()
    {
        var parameters = WireRequest.V1Parameters().Where(p => p.Item1 is not ("Action" or "Version")).ToArray();
        var request = WireRequest.SignedV1(parameters);
        request.Headers["x-acs-action"] = "ReleaseEipAddress";
        request.Headers["x-acs-version"] = "2016-04-28";

        var call = await WireRequest.ReadAsync(request);

        Assert.Equal((null, null), (call.Action, call.Version));
    }

    [Fact]
    public async Task ReadAsync_MergesQueryAndFormBody_WithQueryWinningOnDuplicates()
    {
        var body = "RegionId=cn-beijing&Name=a+b%2Bc&Empty="u8.ToArray();
        var call = await WireRequest.ReadAsync(WireRequest.Create("POST", "RegionId=cn-hangzhou&Plus=a+b&Flag&RegionId=cn-shanghai", body, Form + "; charset=UTF-8"));

        Assert.Equal("cn-hangzhou", call.Get("RegionId"));
        Assert.Equal("a b+c", call.Get("Name"));
        Assert.Equal("a b", call.Get("Plus"));     // '+' is a space in the query too, as Go's url.Values writes it (Terraform)
        Assert.Equal("", call.Get("Flag"));
        Assert.Equal("", call.Get("Empty"));
        Assert.Equal(["Empty", "Flag", "Name", "Plus", "RegionId"], call.Parameters.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_IgnoresBodyParameters_WhenContentTypeIsNotForm()
    {
        var call = await WireRequest.ReadAsync(WireRequest.Create("POST", "RegionId=cn-hangzhou", "Name=x"u8.ToArray(), "application/json"));

        Assert.Null(call.Get("Name"));
    }

    [Theory]
    [InlineData("XML", true)]
    [InlineData("xml", true)]
    [InlineData("JSON", false)]
    [InlineData("json", false)]
    [InlineData(null, false)]
    public async Task ReadAsync_WantsXml_OnlyWhenV1FormatIsXml(string? format, bool expected)
    {
        var parameters = WireRequest.V1Parameters().Where(p => p.Item1 != "Format");
        if (format is not null)
            parameters = parameters.Append(("Format", format));
        var call = await WireRequest.ReadAsync(WireRequest.SignedV1([.. parameters]));

        Assert.Equal(expected, call.WantsXml);
    }

    [Fact]
    public async Task ReadAsync_AnswersJson_WhenV3RequestAsksForXml()
    {
        var call = await WireRequest.ReadAsync(WireRequest.SignedV3("Format=XML&RegionId=cn-hangzhou"));

        Assert.Equal(SignatureKind.V3, call.Kind);
        Assert.False(call.WantsXml);
    }

    [Fact]
    public async Task ReadAsync_TakesAccessKeyIdFromCredential_WhenV3()
    {
        var call = await WireRequest.ReadAsync(WireRequest.Parse(
            Captures.V3AssociateEipAddress.Replace("RegionId=cn-hangzhou", "RegionId=cn-hangzhou&AccessKeyId=other")));

        Assert.Equal("testid", call.AccessKeyId);
    }
}
