using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Eipnet.Cli.Bench;

/// <summary>The two ends of the new-connections-per-second measurement, each run as its own process inside a namespace
/// (hidden subcommands of "bench dataplane-forwarding").</summary>
/// <remarks>The client opens a connection, waits for the handshake and resets it (SO_LINGER 0): no TIME_WAIT on either end,
/// so ports are reused at once and the rate measures the path, not port exhaustion. At the gateway such a flow ends in
/// conntrack's CLOSE state, and the next SYN on the same ports replaces it as a new flow, so every connection is new to
/// the NAT rules.</remarks>
internal static class ForwardingConnections
{
    /// <summary>Accepts and closes connections on the port until killed; prints "listening" once bound.</summary>
    public static void Serve(int port, int threads)
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Bind(new IPEndPoint(IPAddress.Any, port));
        listener.Listen(4096);
        Console.WriteLine("listening");
        var acceptors = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            while (true)
            {
                try
                {
                    using var accepted = listener.Accept();
                }
                catch (SocketException)
                {
                    // a connection reset before it was accepted; keep serving
                }
            }
        }) { IsBackground = true }).ToList();
        acceptors.ForEach(t => t.Start());
        acceptors.ForEach(t => t.Join());
    }

    /// <summary>Opens connections from <paramref name="parallel"/> threads for a warm-up and then <paramref name="duration"/>;
    /// prints "connections=N seconds=S failures=F cpu=C" for the timed window (C: this process's CPU seconds in it) and
    /// "total=T", the connections of the whole run (the server's CPU time is known only for the whole run).</summary>
    public static void Open(IPEndPoint target, TimeSpan duration, int parallel)
    {
        long opened = 0, failed = 0;
        var stop = 0;
        var workers = Enumerable.Range(0, parallel).Select(_ => new Thread(() =>
        {
            while (Volatile.Read(ref stop) == 0)
            {
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.LingerState = new LingerOption(true, 0);
                try
                {
                    socket.Connect(target);
                    Interlocked.Increment(ref opened);
                }
                catch (SocketException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }) { IsBackground = true }).ToList();
        workers.ForEach(t => t.Start());
        Thread.Sleep(300); // JIT and the first connections' route and neighbour lookups stay out of the window
        using var self = Process.GetCurrentProcess();
        var (startOpened, startFailed, startCpu, start) = (Interlocked.Read(ref opened), Interlocked.Read(ref failed), self.TotalProcessorTime, Stopwatch.GetTimestamp());
        Thread.Sleep(duration);
        self.Refresh();
        var (endOpened, endFailed, endCpu, seconds) = (Interlocked.Read(ref opened), Interlocked.Read(ref failed), self.TotalProcessorTime, Stopwatch.GetElapsedTime(start).TotalSeconds);
        Volatile.Write(ref stop, 1);
        workers.ForEach(t => t.Join(TimeSpan.FromSeconds(5)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"connections={endOpened - startOpened} seconds={seconds:F3} failures={endFailed - startFailed} cpu={(endCpu - startCpu).TotalSeconds:F3} total={Interlocked.Read(ref opened)}"));
    }
}
