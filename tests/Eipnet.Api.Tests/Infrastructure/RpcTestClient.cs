using System.Text;
using System.Text.Json;
using Eipnet.Api.Protocol;
using Eipnet.Domain.Resources;

namespace Eipnet.Api.Tests.Infrastructure;

/// <summary>A client for one account that signs like the official SDKs (see <see cref="Signing"/>).</summary>
public sealed class RpcTestClient(Uri endpoint, Account account)
{
    public const string VpcVersion = "2016-04-28", EcsVersion = "2014-05-26";
    public const string Region = "cn-hangzhou";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public Account Account => account;
    public Uri Endpoint => endpoint;
    public Signing Signing { get; init; } = Signing.V3;

    /// <summary>The HTTP client calls go through (the HTTPS tests give one that trusts their certificate).</summary>
    public HttpClient HttpClient { get; init; } = Http;

    public Task<RpcResult> Vpc(string action, params (string Key, string Value)[] parameters) => CallAsync(VpcVersion, action, parameters);

    public Task<RpcResult> Ecs(string action, params (string Key, string Value)[] parameters) => CallAsync(EcsVersion, action, parameters);

    public Task<RpcResult> CallAsync(string version, string action, (string Key, string Value)[] parameters, Signing? signing = null,
        string? secret = null, DateTimeOffset? time = null, string? nonce = null)
    {
        var request = Build(version, action, parameters, signing ?? Signing, secret ?? account.AccessKeySecret, time ?? DateTimeOffset.UtcNow, nonce ?? Guid.NewGuid().ToString("N"));
        return SendAsync(request, HttpClient);
    }

    public static async Task<RpcResult> SendAsync(HttpRequestMessage request, HttpClient? http = null)
    {
        using var response = await (http ?? Http).SendAsync(request);
        var raw = await response.Content.ReadAsStringAsync();
        JsonElement body;
        try
        {
            body = JsonDocument.Parse(raw).RootElement.Clone();
        }
        catch (JsonException)
        {
            body = default;
        }
        return new RpcResult(response.StatusCode, body, raw, response.Content.Headers.ContentType?.ToString());
    }

    public HttpRequestMessage Build(string version, string action, (string Key, string Value)[] parameters, Signing signing,
        string secret, DateTimeOffset time, string nonce)
    {
        var timestamp = time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var business = parameters.Select(p => new KeyValuePair<string, string>(p.Key, p.Value)).ToList();
        if (signing == Signing.V3)
        {
            var headers = new Dictionary<string, string>
            {
                ["host"] = endpoint.Authority,
                ["x-acs-action"] = action,
                ["x-acs-version"] = version,
                ["x-acs-date"] = timestamp,
                ["x-acs-signature-nonce"] = nonce,
                ["x-acs-content-sha256"] = SignatureV3.ContentSha256([]),
            };
            var authorization = SignatureV3.Sign("POST", business, headers, [], account.AccessKeyId, secret);
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, "/?" + Query(business)));
            foreach (var (name, value) in headers.Where(h => h.Key != "host"))
                request.Headers.TryAddWithoutValidation(name, value);
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
            request.Headers.TryAddWithoutValidation("accept", "application/json");
            return request;
        }
        var all = new List<KeyValuePair<string, string>>(business)
        {
            new("Action", action), new("Version", version), new("Format", "JSON"), new("AccessKeyId", account.AccessKeyId),
            new("SignatureMethod", "HMAC-SHA1"), new("SignatureVersion", "1.0"), new("SignatureNonce", nonce), new("Timestamp", timestamp),
        };
        var method = signing == Signing.V1Get ? "GET" : "POST";
        all.Add(new("Signature", SignatureV1.Sign(method, all, secret)));
        return signing switch
        {
            Signing.V1Form => new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, "/"))
            {
                Content = new StringContent(Query(all), Encoding.UTF8, "application/x-www-form-urlencoded"),
            },
            _ => new HttpRequestMessage(signing == Signing.V1Get ? HttpMethod.Get : HttpMethod.Post, new Uri(endpoint, "/?" + Query(all))),
        };
    }

    private static string Query(IEnumerable<KeyValuePair<string, string>> pairs) =>
        string.Join("&", pairs.Select(p => PercentEncoding.Encode(p.Key) + "=" + PercentEncoding.Encode(p.Value)));
}
