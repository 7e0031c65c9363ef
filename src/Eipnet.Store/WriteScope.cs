namespace Eipnet.Store;

/// <summary>What a write transaction locks: the account whose rules it checks and the EIPs/ENIs it changes.</summary>
/// <remarks>A resource already locked by another in-flight change fails the write with TaskConflict instead of waiting.</remarks>
public sealed record WriteScope(string? AccountId, IReadOnlyCollection<string> Resources)
{
    /// <summary>A write that checks no account's rules and locks nothing (bookkeeping: nonces, tokens, transitions).</summary>
    public static readonly WriteScope None = new(null, []);

    public static WriteScope Account(string accountId, params string[] resources) => new(accountId, resources);
}
