namespace Eipnet.Store;

/// <summary>An agent the server knows: the SHA-256 of its token's secret (hex), the generation it last reported as applied,
/// and when it last asked for intent (<see cref="SeenAt"/>) and reported (<see cref="AppliedAt"/>); null before the first time.</summary>
public sealed record AgentRecord(string Name, string TokenSha256, long AppliedGeneration, DateTimeOffset CreatedAt, DateTimeOffset? SeenAt, DateTimeOffset? AppliedAt);
