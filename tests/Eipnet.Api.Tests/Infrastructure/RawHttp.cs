using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Eipnet.Api.Tests.Infrastructure;

/// <summary>Sends a request exactly as written (HttpClient would repair a malformed query before sending it).</summary>
public static class RawHttp
{
    public static async Task<RpcResult> SendAsync(Uri endpoint, string requestTarget, string method = "POST")
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(endpoint.Host, endpoint.Port);
        await using var stream = tcp.GetStream();
        var head = $"{method} {requestTarget} HTTP/1.1\r\nHost: {endpoint.Authority}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();
        var status = (HttpStatusCode)int.Parse(response.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var body = response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        var json = body.Length > 0 ? JsonDocument.Parse(body).RootElement.Clone() : default;
        return new RpcResult(status, json, body, null);
    }
}
