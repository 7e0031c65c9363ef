using System.Text;
using Eipnet.Api.Protocol;
using Microsoft.AspNetCore.Http;

namespace Eipnet.Api.Tests.Protocol;

/// <summary>Builds real ASP.NET Core requests from captured HTTP text or from parameters signed here.</summary>
internal static class WireRequest
{
    public const string Secret = "testsecret";

    /// <summary>Parses "METHOD target HTTP/1.1", header lines, a blank line and the body, as captured on the wire.</summary>
    public static HttpRequest Parse(string http)
    {
        var lines = http.ReplaceLineEndings("\n").Split('\n');
        var requestLine = lines[0].Split(' ');
        var request = new DefaultHttpContext().Request;
        request.Method = requestLine[0];
        var target = requestLine[1];
        var question = target.IndexOf('?');
        request.Path = question < 0 ? target : target[..question];
        if (question >= 0)
            request.QueryString = new QueryString(target[question..]);

        var line = 1;
        for (; line < lines.Length && lines[line].Length > 0; line++)
        {
            var colon = lines[line].IndexOf(':');
            request.Headers.Append(lines[line][..colon], lines[line][(colon + 1)..].Trim());
        }
        var body = string.Join('\n', lines.Skip(line + 1));
        request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return request;
    }

    public static HttpRequest Create(string method, string rawQuery, byte[]? body = null, string? contentType = null)
    {
        var request = new DefaultHttpContext().Request;
        request.Method = method;
        request.Path = "/";
        if (rawQuery.Length > 0)
            request.QueryString = new QueryString("?" + rawQuery);
        if (contentType is not null)
            request.ContentType = contentType;
        if (body is not null)
        {
            request.Body = new MemoryStream(body);
            request.ContentLength = body.Length;
        }
        return request;
    }

    /// <summary>A V1 GET with every parameter in the query, signed with <see cref="Secret"/>.</summary>
    public static HttpRequest SignedV1(params (string Name, string Value)[] parameters)
    {
        var pairs = parameters.Select(p => KeyValuePair.Create(p.Name, p.Value)).ToList();
        pairs.Add(KeyValuePair.Create("Signature", SignatureV1.Sign("GET", pairs, Secret)));
        return Create("GET", Query(pairs));
    }

    /// <summary>The common V1 parameters of the pop-core captures, with the given ones added or replaced.</summary>
    public static (string, string)[] V1Parameters(params (string Name, string Value)[] overrides)
    {
        var common = new Dictionary<string, string>
        {
            ["AccessKeyId"] = "testid",
            ["Action"] = "DescribeEipAddresses",
            ["Format"] = "JSON",
            ["RegionId"] = "cn-hangzhou",
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureNonce"] = "a68b421387869653ac0b9ea3ceb771f1",
            ["SignatureVersion"] = "1.0",
            ["Timestamp"] = "2026-11-26T01:09:44Z",
            ["Version"] = "2016-04-28",
        };
        foreach (var (name, value) in overrides)
            common[name] = value;
        return [.. common.Select(p => (p.Key, p.Value))];
    }

    /// <summary>A V3 POST signed with <see cref="Secret"/>; the form body, when given, is hashed and signed.</summary>
    public static HttpRequest SignedV3(string rawQuery, string? formBody = null, string date = "2026-11-26T01:09:44Z")
    {
        var body = Encoding.UTF8.GetBytes(formBody ?? "");
        var headers = new Dictionary<string, string>
        {
            ["host"] = "127.0.0.1:18080",
            ["x-acs-action"] = "CreateVpnConnection",
            ["x-acs-version"] = "2016-04-28",
            ["x-acs-date"] = date,
            ["x-acs-signature-nonce"] = "529bd1359b191d10bf8e67f61ca3d0bde63a3910f4c249f8ce57202e3577388b",
            ["x-acs-content-sha256"] = SignatureV3.ContentSha256(body),
        };
        if (formBody is not null)
            headers["content-type"] = "application/x-www-form-urlencoded";

        var query = rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('='))
            .Select(p => KeyValuePair.Create(Uri.UnescapeDataString(p[0]), Uri.UnescapeDataString(p[1])));
        var authorization = SignatureV3.Sign("POST", query, headers, body, "testid", Secret);

        var request = Create("POST", rawQuery, body);
        foreach (var (name, value) in headers)
            request.Headers[name] = value;
        request.Headers.Authorization = authorization;
        return request;
    }

    public static string Query(IEnumerable<KeyValuePair<string, string>> pairs) =>
        string.Join('&', pairs.Select(p => PercentEncoding.Encode(p.Key) + "=" + PercentEncoding.Encode(p.Value)));

    public static async Task<RpcCall> ReadAsync(HttpRequest request)
    {
        var result = await RpcCallReader.ReadAsync(request, CancellationToken.None);
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Call;
    }
}
