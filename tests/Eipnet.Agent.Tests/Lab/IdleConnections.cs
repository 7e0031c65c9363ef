using System.Net.Sockets;
using System.Text;

namespace Eipnet.Agent.Tests.Lab;

/// <summary>Many TCP connections to the server that send nothing, as an idle client pool or a slow attacker holds them.</summary>
public sealed class IdleConnections : IDisposable
{
    private readonly List<Socket> sockets;

    private IdleConnections(List<Socket> sockets) => this.sockets = sockets;

    public static async Task<IdleConnections> OpenAsync(Uri endpoint, int count)
    {
        var sockets = new List<Socket>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                sockets.Add(socket);
                await socket.ConnectAsync(endpoint.Host, endpoint.Port);
            }
            return new IdleConnections(sockets);
        }
        catch
        {
            sockets.ForEach(s => s.Dispose());
            throw;
        }
    }

    /// <summary>How many the server has not closed (a closed one reads as readable with nothing to read).</summary>
    public int OpenCount() => sockets.Count(s => !(s.Poll(0, SelectMode.SelectRead) && s.Available == 0));

    /// <summary>Sends a request on the last connection and says whether an HTTP answer came back within 10 s.</summary>
    public async Task<bool> ServedAsync()
    {
        var socket = sockets[^1];
        await socket.SendAsync(Encoding.ASCII.GetBytes("GET /?Action=DescribeRegions HTTP/1.1\r\nHost: eipnet\r\n\r\n"));
        var buffer = new byte[64];
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var read = await socket.ReceiveAsync(buffer, SocketFlags.None, limit.Token);
        return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("HTTP/1.1 ", StringComparison.Ordinal);
    }

    public int Count => sockets.Count;

    public void Dispose() => sockets.ForEach(s => s.Dispose());
}
