using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Eipnet.Api.Tests.Infrastructure;

/// <summary>Sends a request exactly as written (HttpClient would repair a malformed query before sending it).</summary>
public static class RawHttp
{
    private static readonly TimeSpan ReadLimit = TimeSpan.FromSeconds(10);

    public static async Task<RpcResult> SendAsync(Uri endpoint, string requestTarget, string method = "POST")
    {
        var head = $"{method} {requestTarget} HTTP/1.1\r\nHost: {endpoint.Authority}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        return Assert.Single(await ExchangeAsync(endpoint, head));
    }

    /// <summary>Writes <paramref name="request"/> (one or more requests, or bytes that are none) and reads every response
    /// until the server closes the connection.</summary>
    public static async Task<IReadOnlyList<RpcResult>> ExchangeAsync(Uri endpoint, string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(endpoint.Host, endpoint.Port);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var timeout = new CancellationTokenSource(ReadLimit);
        using var received = new MemoryStream();
        await stream.CopyToAsync(received, timeout.Token);
        return Parse(Encoding.UTF8.GetString(received.ToArray()));
    }

    /// <summary>Reads exactly one response (it must carry Content-Length) from a connection that stays open.</summary>
    public static async Task<RpcResult> ReadOneAsync(Stream stream)
    {
        using var timeout = new CancellationTokenSource(ReadLimit);
        var received = new List<byte>();
        var chunk = new byte[4096];
        int? total = null;
        while (total is null || received.Count < total)
        {
            var n = await stream.ReadAsync(chunk, timeout.Token);
            Assert.True(n > 0, $"the server closed the connection mid-response: {Encoding.ASCII.GetString([.. received])}");
            received.AddRange(chunk.AsSpan(0, n));
            var text = Encoding.ASCII.GetString([.. received]);
            var headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (total is null && headEnd > 0)
            {
                var length = text[..headEnd].Split("\r\n").Single(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
                total = headEnd + 4 + int.Parse(length.Split(':')[1].Trim(), CultureInfo.InvariantCulture);
            }
        }
        return Assert.Single(Parse(Encoding.UTF8.GetString([.. received])));
    }

    /// <summary>Splits a byte stream of HTTP/1.1 responses (each with Content-Length) into results.</summary>
    public static IReadOnlyList<RpcResult> Parse(string responses)
    {
        var results = new List<RpcResult>();
        var at = 0;
        while (at < responses.Length)
        {
            var headEnd = responses.IndexOf("\r\n\r\n", at, StringComparison.Ordinal);
            Assert.True(headEnd > 0, $"incomplete response head: {responses[at..]}");
            var lines = responses[at..headEnd].Split("\r\n");
            var status = (HttpStatusCode)int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
            var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
            var start = headEnd + 4;
            string body;
            if (headers.TryGetValue("Transfer-Encoding", out var coding) && coding.Equals("chunked", StringComparison.OrdinalIgnoreCase))
                (body, at) = Dechunk(responses, start);
            else
            {
                var length = headers.TryGetValue("Content-Length", out var l) ? int.Parse(l, CultureInfo.InvariantCulture) : responses.Length - start;
                body = responses.Substring(start, Math.Min(length, responses.Length - start));
                at = start + body.Length;
            }
            var contentType = headers.GetValueOrDefault("Content-Type");
            var json = body.Length > 0 && contentType?.StartsWith("application/json", StringComparison.Ordinal) == true
                ? JsonDocument.Parse(body).RootElement.Clone()
                : default;
            results.Add(new RpcResult(status, json, body, contentType) { Headers = headers });
        }
        return results;
    }

    private static (string Body, int Next) Dechunk(string text, int at)
    {
        var body = new StringBuilder();
        while (true)
        {
            var lineEnd = text.IndexOf("\r\n", at, StringComparison.Ordinal);
            var size = int.Parse(text[at..lineEnd].Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            at = lineEnd + 2;
            if (size == 0)
                return (body.ToString(), text.IndexOf("\r\n", at, StringComparison.Ordinal) + 2);
            body.Append(text, at, size);
            at += size + 2;
        }
    }
}
