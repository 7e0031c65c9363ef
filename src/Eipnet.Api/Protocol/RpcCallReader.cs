using System.Security.Cryptography;
using System.Text;
using Eipnet.Domain.Errors;
using Microsoft.AspNetCore.Http;

namespace Eipnet.Api.Protocol;

/// <summary>Turns an HTTP request into an <see cref="RpcCall"/>; client garbage becomes an <see cref="EipError"/>, never an exception.</summary>
public static class RpcCallReader
{
    public const int MaxBodyBytes = 1024 * 1024;

    private const string FormContentType = "application/x-www-form-urlencoded";

    public static async Task<RpcCallReadResult> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);

        var method = HttpMethods.GetCanonicalizedValue(request.Method);
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsPost(method) && !HttpMethods.IsHead(method))
            return new EipError("UnsupportedHTTPMethod", "The HTTP method is not supported; use GET or POST.", 403);

        var (body, bodyError) = await ReadBodyAsync(request, ct);
        if (bodyError is not null)
            return bodyError;

        // One list for query and body: the parameter limit is per request.
        var pairs = new List<KeyValuePair<string, string>>();
        var query = request.QueryString.Value ?? "";
        // The wire encoding differs between SDKs, so pairs are decoded here and re-encoded canonically when signing.
        var rawQuery = Encoding.UTF8.GetBytes(query.StartsWith('?') ? query[1..] : query);
        // '+' is a space in the query too: Go clients (Terraform's tea-rpc and v1 SDK, url.Values) write spaces so, and no
        // SDK writes a plus sign unencoded (%2B), so nothing else can be meant (issue 12).
        if (UrlEncodedPairs.Parse(rawQuery, plusIsSpace: true, "query string", pairs) is { } queryError)
            return queryError;
        var queryCount = pairs.Count;
        if (IsForm(request.ContentType) && UrlEncodedPairs.Parse(body, plusIsSpace: true, "form body", pairs) is { } formError)
            return formError;

        var headers = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
            headers[name] = [.. values.OfType<string>()];

        var path = request.PathBase.Add(request.Path).ToUriComponent();
        return new RpcCall(
            method,
            path.Length == 0 ? "/" : path,
            pairs[..queryCount],
            pairs[queryCount..],
            headers,
            Convert.ToHexStringLower(SHA256.HashData(body)));
    }

    private static async Task<(byte[] Body, EipError? Error)> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        var tooLarge = new EipError("InvalidParameter", $"Request body too large: the limit is {MaxBodyBytes} bytes.", 400);
        if (request.ContentLength > MaxBodyBytes)
            return ([], tooLarge);

        // Chunked bodies carry no length, so the limit is enforced while reading.
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                    return ([], tooLarge);
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException)
        {
            return ([], new EipError("InvalidParameter", "The request body could not be read.", 400));
        }
        return (buffer.ToArray(), null);
    }

    private static bool IsForm(string? contentType)
    {
        if (contentType is null)
            return false;
        var semicolon = contentType.IndexOf(';');
        var mediaType = semicolon < 0 ? contentType : contentType[..semicolon];
        return mediaType.Trim().Equals(FormContentType, StringComparison.OrdinalIgnoreCase);
    }
}
