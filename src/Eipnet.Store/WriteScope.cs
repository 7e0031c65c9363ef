namespace Eipnet.Store;

/// <summary>What a write transaction locks: the account whose rules it checks and the EIPs/ENIs/instances it changes.</summary>
/// <remarks>A resource already locked by another in-flight change fails the write with TaskConflict instead of waiting.
/// The account lock is exclusive by default: writes that check account-wide rules (quotas) run one at a time per account.
/// A write whose rules only involve the resources it locks may take it <see cref="SharedAccount"/>, so such writes of one
/// account run side by side; they still wait for, and exclude, the exclusive ones.</remarks>
public sealed record WriteScope(string? AccountId, IReadOnlyCollection<string> Resources, bool SharedAccount = false)
{
    /// <summary>A write that checks no account's rules and locks nothing (bookkeeping: nonces, tokens, transitions).</summary>
    public static readonly WriteScope None = new(null, []);

    public static WriteScope Account(string accountId, params string[] resources) => new(accountId, resources);

    /// <summary>A write whose rules depend only on the locked resources (and on database constraints).</summary>
    public static WriteScope ResourcesOnly(string accountId, params string[] resources) => new(accountId, resources, SharedAccount: true);
}
