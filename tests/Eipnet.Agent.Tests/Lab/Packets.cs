using System.Globalization;

namespace Eipnet.Agent.Tests.Lab;

/// <summary>Real traffic in the lab, with socat: servers that answer each connection or datagram with the addresses they
/// saw ("LOCAL PEER"), and clients that print that answer, or nothing when nothing came back.</summary>
public static class Packets
{
    /// <summary>Starts a TCP server on the port in the namespace and waits until it listens; with a tag, the answer starts
    /// with it (to tell instances apart).</summary>
    public static async Task TcpServerAsync(LabServer lab, string ns, int port, string? tag = null)
    {
        lab.Start(ns, "socat", $"TCP-LISTEN:{P(port)},reuseaddr,fork", "SYSTEM:echo " + (tag is null ? "" : tag + " ") + "$SOCAT_SOCKADDR $SOCAT_PEERADDR");
        await WaitListeningAsync(lab, ns, "-ltnH", port);
    }

    /// <summary>Starts a UDP sink that prints every datagram it receives (one line each) and waits until it is bound.</summary>
    public static async Task<LabProcess> UdpSinkAsync(LabServer lab, string ns, int port)
    {
        var sink = lab.Start(ns, "socat", "-u", $"UDP-RECV:{P(port)},reuseaddr", "STDOUT");
        await WaitListeningAsync(lab, ns, "-lunH", port);
        return sink;
    }

    /// <summary>Sends one datagram with this payload from the namespace (from a fixed source port when given, so that
    /// repeated sends are one flow for conntrack); does not wait for an answer.</summary>
    public static async Task SendUdpAsync(LabServer lab, string ns, string address, int port, string payload, string? source = null, int? sourcePort = null)
    {
        var options = (source is null ? "" : $",bind={source}") + (sourcePort is { } sp ? $",sourceport={P(sp)},reuseaddr" : "");
        var result = await lab.Run.ExecAsync(ns, "socat", ["-u", "-", $"UDP:{address}:{P(port)}{options}"], payload + "\n");
        if (!result.Succeeded)
            throw new InvalidOperationException($"sending from {ns} failed: {result.Stderr}");
    }

    /// <summary>Starts a UDP server on the port in the namespace and waits until it is bound. The answering shell reads the
    /// datagram first: if it exited before socat handed it over, socat would die on the broken pipe without answering.
    /// Like any UDP server on a host
    /// with several addresses, it must be bound to the address it serves to answer from it (else routing picks the source).</summary>
    public static async Task UdpServerAsync(LabServer lab, string ns, int port, string? bind = null)
    {
        lab.Start(ns, "socat", $"UDP-RECVFROM:{P(port)},reuseaddr,ip-pktinfo,fork" + (bind is null ? "" : $",bind={bind}"), "SYSTEM:read datagram; echo $SOCAT_IP_DSTADDR $SOCAT_PEERADDR");
        await WaitListeningAsync(lab, ns, "-lunH", port);
    }

    /// <summary>Connects from the namespace (optionally from a source address) and returns the server's "LOCAL PEER"
    /// answer, or null when no connection was made within the timeout.</summary>
    public static async Task<string?> TcpAsync(LabServer lab, string ns, string address, int port, string? source = null, double timeoutSeconds = 2)
    {
        var target = $"TCP:{address}:{P(port)},connect-timeout={timeoutSeconds.ToString(CultureInfo.InvariantCulture)}" + (source is null ? "" : $",bind={source}");
        // -t as well as -T: once our (empty) input ends, socat waits only -t (0.5 s by default) for the answer.
        var t = timeoutSeconds.ToString(CultureInfo.InvariantCulture);
        var result = await lab.ExecAsync(ns, "socat", "-T", t, "-t", t, "-", target);
        return Answer(result.Stdout);
    }

    /// <summary>Sends one datagram from the namespace and returns the server's answer, or null when none came.</summary>
    public static async Task<string?> UdpAsync(LabServer lab, string ns, string address, int port, string? source = null, double timeoutSeconds = 2)
    {
        var target = $"UDP:{address}:{P(port)}" + (source is null ? "" : $",bind={source}");
        var t = timeoutSeconds.ToString(CultureInfo.InvariantCulture);
        var result = await lab.Run.ExecAsync(ns, "socat", ["-T", t, "-t", t, "-", target], "probe\n");
        return Answer(result.Stdout);
    }

    private static string? Answer(string stdout) => stdout.Trim() is { Length: > 0 } a ? a : null;

    /// <summary>Waits until a socket listens on the port in the namespace (ss flags: "-ltnH" TCP, "-lunH" UDP).</summary>
    public static async Task WaitListeningAsync(LabServer lab, string ns, string flags, int port)
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
