using Eipnet.Domain.Errors;

namespace Eipnet.Domain.Throttling;

/// <summary>Per-account request throttling: a bucket of <c>perSecond</c> tokens, refilled at <c>perSecond</c> tokens a
/// second; a request takes one, and a request that finds none is refused with Alibaba's Throttling.User.</summary>
public static class AccountThrottling
{
    /// <summary>The bucket after one request at <paramref name="now"/>, and whether the request may run.</summary>
    /// <remarks>A new account starts with a full bucket, so a burst of up to <paramref name="perSecond"/> requests passes.</remarks>
    public static (TokenBucket Bucket, bool Allowed) Take(TokenBucket? bucket, int perSecond, DateTimeOffset now)
    {
        var elapsed = bucket is null ? 0 : Math.Max(0, (now - bucket.Updated).TotalSeconds);
        var tokens = bucket is null ? perSecond : Math.Min(perSecond, bucket.Tokens + elapsed * perSecond);
        return tokens >= 1 ? (new TokenBucket(tokens - 1, now), true) : (new TokenBucket(tokens, now), false);
    }

    /// <summary>Alibaba's answer to an account over its rate (400: Terraform and the SDKs retry codes containing Throttling).</summary>
    public static EipError Throttled(int perSecond) =>
        new("Throttling.User", $"Request was denied due to user flow control: this account may make {perSecond} requests a second. Retry later.", 400);
}
