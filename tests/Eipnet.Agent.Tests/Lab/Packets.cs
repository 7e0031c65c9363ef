using System.Globalization;

namespace Eipnet.Agent.Tests.Lab;

/// <summary>Real traffic in the lab, with socat: servers that answer each connection or datagram with the addresses they
/// saw ("LOCAL PEER"), and clients that print that answer, or nothing when nothing came back.</summary>
public static class Packets
{
    /// <summary>Starts a TCP server on the port in the namespace and waits until it listens.</summary>
    public static async Task TcpServerAsync(LabServer lab, string ns, int port)
    {
        lab.Start(ns, "socat", $"TCP-LISTEN:{P(port)},reuseaddr,fork", "SYSTEM:echo $SOCAT_SOCKADDR $SOCAT_PEERADDR");
        await WaitListeningAsync(lab, ns, "-ltnH", port);
    }

    /// <summary>Starts a UDP server on the port in the namespace and waits until it is bound.</summary>
    public static async Task UdpServerAsync(LabServer lab, string ns, int port)
    {
        lab.Start(ns, "socat", $"UDP-RECVFROM:{P(port)},reuseaddr,ip-pktinfo,fork", "SYSTEM:echo $SOCAT_IP_DSTADDR $SOCAT_PEERADDR");
        await WaitListeningAsync(lab, ns, "-lunH", port);
    }

    /// <summary>Connects from the namespace (optionally from a source address) and returns the server's "LOCAL PEER"
    /// answer, or null when no connection was made within the timeout.</summary>
    public static async Task<string?> TcpAsync(LabServer lab, string ns, string address, int port, string? source = null, double timeoutSeconds = 2)
    {
        var target = $"TCP:{address}:{P(port)},connect-timeout={timeoutSeconds.ToString(CultureInfo.InvariantCulture)}" + (source is null ? "" : $",bind={source}");
        var result = await lab.ExecAsync(ns, "socat", "-T", timeoutSeconds.ToString(CultureInfo.InvariantCulture), "-", target);
        return Answer(result.Stdout);
    }

    /// <summary>Sends one datagram from the namespace and returns the server's answer, or null when none came.</summary>
    public static async Task<string?> UdpAsync(LabServer lab, string ns, string address, int port, string? source = null, double timeoutSeconds = 2)
    {
        var target = $"UDP:{address}:{P(port)}" + (source is null ? "" : $",bind={source}");
        var result = await lab.Run.ExecAsync(ns, "socat", ["-T", timeoutSeconds.ToString(CultureInfo.InvariantCulture), "-", target], "probe\n");
        return Answer(result.Stdout);
    }

    private static string? Answer(string stdout) => stdout.Trim() is { Length: > 0 } a ? a : null;

    private static async Task WaitListeningAsync(LabServer lab, string ns, string flags, int port)
    {
        for (var i = 0; i < 250; i++)
        {
            var ss = await lab.ExecAsync(ns, "ss", flags, $"sport = :{P(port)}");
            if (ss.Stdout.Trim().Length > 0)
                return;
            await Task.Delay(20);
        }
        throw new TimeoutException($"Nothing listens on port {port} in {ns} after 5 s.");
    }

    private static string P(int port) => port.ToString(CultureInfo.InvariantCulture);
}
