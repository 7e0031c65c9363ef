using System.Collections.Concurrent;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Throttling;

namespace Eipnet.Api.Authentication;

/// <summary>The token buckets of the accounts calling this server (<see cref="AccountThrottling"/>); off when the rate is 0.</summary>
/// <remarks>Buckets live in this process: servers sharing a database each allow the rate.</remarks>
public sealed class AccountThrottle(int perSecond, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, TokenBucket> buckets = new(StringComparer.Ordinal);

    /// <summary>Takes a token for the account, or answers Throttling.User when it has none left.</summary>
    public void Take(string accountId)
    {
        if (perSecond <= 0)
            return;
        var allowed = false;
        buckets.AddOrUpdate(accountId,
            _ => Decide(null, ref allowed),
            (_, bucket) => Decide(bucket, ref allowed));
        if (!allowed)
            throw new EipException(AccountThrottling.Throttled(perSecond));
    }

    private TokenBucket Decide(TokenBucket? bucket, ref bool allowed)
    {
        var (next, ok) = AccountThrottling.Take(bucket, perSecond, time.GetUtcNow());
        allowed = ok;
        return next;
    }
}
