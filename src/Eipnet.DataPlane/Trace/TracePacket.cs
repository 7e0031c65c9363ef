namespace Eipnet.DataPlane.Trace;

/// <summary>A packet to explain: source and destination IPv4 addresses, "tcp", "udp" or "icmp", and the destination port.</summary>
public sealed record TracePacket(string From, string To, string Protocol, int? Port);
