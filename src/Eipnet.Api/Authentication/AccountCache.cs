using System.Collections.Concurrent;
using Eipnet.Domain.Resources;
using Eipnet.Store;

namespace Eipnet.Api.Authentication;

/// <summary>AccessKey lookups for signature checks, kept for a few seconds so that authenticating does not read the database
/// on every request. Rules that depend on account flags or quotas read the account inside their own transaction.</summary>
public sealed class AccountCache(IEipStore store, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<string, (Account? Account, DateTimeOffset Expires)> entries = new(StringComparer.Ordinal);

    public async Task<Account?> FindAsync(string accessKeyId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (entries.TryGetValue(accessKeyId, out var entry) && entry.Expires > now)
            return entry.Account;
        var account = await store.FindAccountByAccessKeyAsync(accessKeyId, ct);
        // Unknown keys are remembered too, so a flood of bad keys costs no more than a flood of good ones.
        if (entries.Count > 100_000)
            entries.Clear();
        entries[accessKeyId] = (account, now + Lifetime);
        return account;
    }
}
