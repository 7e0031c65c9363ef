using System.Text.Json.Serialization;

namespace Eipnet.Contracts.Trace;

/// <summary>Source-generated JSON for TracePacket.</summary>
[JsonSerializable(typeof(TracePacketResponse))]
public sealed partial class TraceJsonContext : JsonSerializerContext;
