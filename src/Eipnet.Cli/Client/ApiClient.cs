using System.Globalization;
using System.Text.Json;
using Eipnet.Api.Protocol;

namespace Eipnet.Cli.Client;

/// <summary>A V3-signing client of Eipnet's public API, as the official SDKs sign; used by the CLI's client commands.</summary>
public sealed class ApiClient(Uri endpoint, string accessKeyId, string accessKeySecret, HttpClient? http = null) : IDisposable
{
    public const string VpcVersion = "2016-04-28", EcsVersion = "2014-05-26";

    private readonly HttpClient http = http ?? new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Credentials from ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET and the endpoint from the option or EIPNET_ENDPOINT.</summary>
    public static ApiClient FromEnvironment(string? endpointOption)
    {
        var endpoint = endpointOption ?? Environment.GetEnvironmentVariable("EIPNET_ENDPOINT") ?? "127.0.0.1:8787";
        var id = Environment.GetEnvironmentVariable("ALIBABA_CLOUD_ACCESS_KEY_ID");
        var secret = Environment.GetEnvironmentVariable("ALIBABA_CLOUD_ACCESS_KEY_SECRET");
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret))
            throw new ApiException("MissingCredentials", "Set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET.", 0);
        return new ApiClient(new Uri(endpoint.Contains("://", StringComparison.Ordinal) ? endpoint : "http://" + endpoint), id, secret);
    }

    public Task<JsonElement> VpcAsync(string action, params (string Key, string Value)[] parameters) => CallAsync(VpcVersion, action, parameters);

    public Task<JsonElement> EcsAsync(string action, params (string Key, string Value)[] parameters) => CallAsync(EcsVersion, action, parameters);

    /// <summary>Calls an action; a 4xx/5xx answer throws <see cref="ApiException"/> with Alibaba's code.</summary>
    public async Task<JsonElement> CallAsync(string version, string action, (string Key, string Value)[] parameters, CancellationToken ct = default)
    {
        var query = parameters.Select(p => new KeyValuePair<string, string>(p.Key, p.Value)).ToList();
        var headers = new Dictionary<string, string>
        {
            ["host"] = endpoint.Authority,
            ["x-acs-action"] = action,
            ["x-acs-version"] = version,
            ["x-acs-date"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["x-acs-signature-nonce"] = Guid.NewGuid().ToString("N"),
            ["x-acs-content-sha256"] = SignatureV3.ContentSha256([]),
        };
        var authorization = SignatureV3.Sign("POST", query, headers, [], accessKeyId, accessKeySecret);
        var uri = new Uri(endpoint, "/?" + string.Join("&", query.Select(p => PercentEncoding.Encode(p.Key) + "=" + PercentEncoding.Encode(p.Value))));
        using var request = new HttpRequestMessage(HttpMethod.Post, uri);
        foreach (var (name, value) in headers.Where(h => h.Key != "host"))
            request.Headers.TryAddWithoutValidation(name, value);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var response = await http.SendAsync(request, ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        var json = JsonDocument.Parse(body).RootElement.Clone();
        if ((int)response.StatusCode >= 400)
            throw new ApiException(json.TryGetProperty("Code", out var c) ? c.GetString() ?? "" : "", json.TryGetProperty("Message", out var m) ? m.GetString() ?? "" : "", (int)response.StatusCode);
        return json;
    }

    public void Dispose() => http.Dispose();
}
