using System.Text.Json.Serialization;

namespace Eipnet.DataPlane.Feed;

/// <summary>The contract between the server and an agent: HTTP on the server's endpoint, JSON bodies, a bearer token.</summary>
/// <remarks>
/// <para><c>GET {ChangesPath}?after=G&amp;full=0|1&amp;wait=MS</c> answers a <see cref="DesiredChanges"/> for this host: with
/// <c>full=1</c> (or <c>after=0</c>) everything, else what changed after generation G. When nothing has changed it waits up to
/// MS milliseconds for a change (a watch), then answers 204.</para>
/// <para><c>POST {AppliedPath}</c> with an <see cref="AppliedReport"/> says the host's kernel holds generation G; the server
/// ends the transitions (Associating, Attaching, ...) once every agent has applied their generation (OVN's nb_cfg/hv_cfg).</para>
/// <para>A generation is the store's revision. Every call carries <c>Authorization: Bearer NAME.SECRET</c>; an unknown name or
/// a wrong secret is answered 401.</para>
/// </remarks>
public static class AgentWire
{
    public const string ChangesPath = "/agent/v1/changes";
    public const string AppliedPath = "/agent/v1/applied";

    /// <summary>How long the server holds a watch when the agent names no wait.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(20);

    public static AgentWireJsonContext Json => AgentWireJsonContext.Default;
}

/// <summary>What an agent reports after a pass: the generation its host now holds, how many resources the pass handled and how
/// long it took.</summary>
public sealed record AppliedReport(long Generation, bool Full, int Resources, double Milliseconds);

/// <summary>Source-generated JSON of the contract; enums by name, as the store keeps them.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true, IgnoreReadOnlyProperties = true)]
[JsonSerializable(typeof(DesiredChanges))]
[JsonSerializable(typeof(AppliedReport))]
public sealed partial class AgentWireJsonContext : JsonSerializerContext;
