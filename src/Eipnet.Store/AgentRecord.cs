using Eipnet.Domain.Hosts;

namespace Eipnet.Store;

/// <summary>An agent the server knows: the SHA-256 of its token's secret (hex), the generation it last reported as applied,
/// and when it last asked for intent (<see cref="SeenAt"/>) and reported (<see cref="AppliedAt"/>); null before the first time.
/// An agent is a data-plane host: <see cref="Host"/> gives its roles, overlay address and number.</summary>
public sealed record AgentRecord(string Name, string TokenSha256, long AppliedGeneration, DateTimeOffset CreatedAt, DateTimeOffset? SeenAt, DateTimeOffset? AppliedAt)
{
    public HostNode Host { get; init; } = new(Name, 0, HostRoles.Both, "");
}
