using System.Text.Json.Serialization;

namespace Eipnet.DataPlane.Feed;

/// <summary>The traffic part of the agent contract.</summary>
public static class TrafficWire
{
    public const string Path = "/agent/v1/traffic";

    /// <summary>How often an agent reports: the samples' resolution, and at most what an agent restart loses.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(60);

    /// <summary>The largest report the server reads (about 100,000 EIPs).</summary>
    public const int MaxReportBytes = 16 * 1024 * 1024;

    public static TrafficWireJsonContext Json => TrafficWireJsonContext.Default;
}

[JsonSerializable(typeof(TrafficReport))]
public sealed partial class TrafficWireJsonContext : JsonSerializerContext;
