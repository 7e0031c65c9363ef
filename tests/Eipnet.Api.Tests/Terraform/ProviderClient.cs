using System.Globalization;
using System.Net;
using System.Text;
using Eipnet.Api.Protocol;
using Eipnet.Api.Tests.Infrastructure;
using Eipnet.Domain.Resources;

namespace Eipnet.Api.Tests.Terraform;

/// <summary>A client shaped like terraform-provider-alicloud's RpcPost (tea-rpc v1.2.0; reference
/// terraform-alicloud-calls.md §2.3): POST /, the common parameters and the caller's query map in the URL, the caller's
/// body map as a form body (sent even when empty), V1 HMAC-SHA1 over both, Go url.Values encoding.</summary>
public sealed class ProviderClient(Uri endpoint, Account account)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public string Region { get; init; } = Fixtures.Region;

    /// <summary>Calls a VPC action with <paramref name="body"/> in the form body and <paramref name="query"/> in the URL.</summary>
    public Task<RpcResult> Vpc(string action, IEnumerable<(string Key, string Value)> body, IEnumerable<(string Key, string Value)>? query = null) =>
        PostAsync(RpcTestClient.VpcVersion, action, query ?? [], body);

    /// <summary>Calls an ECS action the same way (the provider's tea path for ECS).</summary>
    public Task<RpcResult> Ecs(string action, IEnumerable<(string Key, string Value)> body, IEnumerable<(string Key, string Value)>? query = null) =>
        PostAsync(RpcTestClient.EcsVersion, action, query ?? [], body);

    /// <summary>Calls an ECS action as the provider's v1 SDK does (alibaba-cloud-sdk-go): a typed request is a POST with
    /// every parameter in the query and no body; a CommonRequest (<paramref name="common"/>) is a GET. Both add Format=JSON,
    /// an empty SignatureType and the RegionId (reference §2.1).</summary>
    public async Task<RpcResult> EcsV1(string action, IEnumerable<(string Key, string Value)> query, bool common = false)
    {
        var method = common ? HttpMethod.Get : HttpMethod.Post;
        var pairs = new List<KeyValuePair<string, string>>
        {
            new("Action", action), new("Format", "JSON"), new("Version", RpcTestClient.EcsVersion), new("SignatureType", ""),
            new("Timestamp", DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)),
            new("SignatureNonce", Guid.NewGuid().ToString("N")), new("SignatureMethod", "HMAC-SHA1"), new("SignatureVersion", "1.0"),
            new("AccessKeyId", account.AccessKeyId),
        };
        pairs.AddRange(query.Select(p => new KeyValuePair<string, string>(p.Key, p.Value)));
        if (pairs.All(p => p.Key != "RegionId"))
            pairs.Add(new("RegionId", Region));
        pairs.Add(new("Signature", SignatureV1.Sign(method.Method, pairs, account.AccessKeySecret)));
        using var request = new HttpRequestMessage(method, new Uri(endpoint, "/?" + GoEncode(pairs)));
        return await RpcTestClient.SendAsync(request);
    }

    /// <summary>The provider's NotFoundError on the tea path: HTTP 404, or "NotFound" in the composed message.</summary>
    public static bool IsNotFound(RpcResult r) =>
        r.Status == HttpStatusCode.NotFound || (!r.Ok && r.Body.TryGetProperty("Message", out var m) && m.GetString()!.Contains("NotFound", StringComparison.Ordinal));

    /// <summary>The provider's NotFoundError for v1 SDK errors: HTTP 404, one of three codes, or "instance is not found".</summary>
    public static bool IsNotFoundV1(RpcResult r) =>
        r.Status == HttpStatusCode.NotFound || r.Code is "NotFound" or "Instance.Notfound" or "Forbidden.InstanceNotFound"
        || (!r.Ok && r.Raw.Contains("instance is not found", StringComparison.OrdinalIgnoreCase));

    /// <summary>common.go buildClientToken: TF-&lt;Action&gt;-&lt;unix seconds&gt;-&lt;uuid&gt;, cut to 64 characters.</summary>
    public static string ClientToken(string action)
    {
        var token = $"TF-{action}-{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}-{Guid.NewGuid()}";
        return token.Length > 64 ? token[..64] : token;
    }

    private async Task<RpcResult> PostAsync(string version, string action, IEnumerable<(string Key, string Value)> query, IEnumerable<(string Key, string Value)> body)
    {
        var common = new List<KeyValuePair<string, string>>
        {
            new("Action", action), new("Format", "json"), new("Version", version),
            new("Timestamp", DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)),
            new("SignatureNonce", Guid.NewGuid().ToString("N")), new("SignatureMethod", "HMAC-SHA1"), new("SignatureVersion", "1.0"),
            new("AccessKeyId", account.AccessKeyId),
        };
        var queryPairs = common.Concat(query.Select(p => new KeyValuePair<string, string>(p.Key, p.Value))).ToList();
        var bodyPairs = body.Select(p => new KeyValuePair<string, string>(p.Key, p.Value)).ToList();
        // The signature covers query and body; a body value wins on a clash.
        var signed = queryPairs.Where(q => bodyPairs.All(b => b.Key != q.Key)).Concat(bodyPairs).ToList();
        queryPairs.Add(new("Signature", SignatureV1.Sign("POST", signed, account.AccessKeySecret)));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, "/?" + GoEncode(queryPairs)))
        {
            Content = new StringContent(GoEncode(bodyPairs), Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.TryAddWithoutValidation("x-acs-action", action);
        request.Headers.TryAddWithoutValidation("x-acs-version", version);
        request.Headers.TryAddWithoutValidation("user-agent", "AlibabaCloud (linux; amd64) Golang/1.22 Core/0.01 TeaDSL/1 HashiCorp-Terraform/1.9.0 Terraform-Provider/1.240.0");
        return await RpcTestClient.SendAsync(request);
    }

    // Go's url.Values.Encode: keys sorted, QueryEscape (space as '+', unreserved characters kept, the rest %XX).
    private static string GoEncode(IEnumerable<KeyValuePair<string, string>> pairs) =>
        string.Join("&", pairs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Escape(p.Key) + "=" + Escape(p.Value)));

    private static string Escape(string text)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
                sb.Append(c);
            else if (c == ' ')
                sb.Append('+');
            else
                sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
