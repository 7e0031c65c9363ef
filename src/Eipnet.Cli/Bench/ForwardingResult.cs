namespace Eipnet.Cli.Bench;

/// <summary>What one configuration measured in one round: UDP packets received per second (64-byte payloads), TCP bits
/// per second received, new TCP connections per second, and how long loading its rules into the gateway took.</summary>
internal sealed record ForwardingResult(int Round, ForwardingSetup Setup, double UdpPacketsPerSecond, double TcpBitsPerSecond,
    double ConnectionsPerSecond, TimeSpan Load);
