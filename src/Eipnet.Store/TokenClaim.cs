namespace Eipnet.Store;

/// <summary>Outcome of claiming a ClientToken.</summary>
/// <remarks>Claimed: the caller owns it and must complete or release it. Completed: the first success, whose response is
/// returned again. Mismatch: same token, other parameters. InProgress: the first call has not finished.</remarks>
public sealed record TokenClaim(TokenClaimState State, string? Response = null);
