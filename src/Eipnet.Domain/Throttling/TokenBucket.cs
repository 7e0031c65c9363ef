namespace Eipnet.Domain.Throttling;

/// <summary>A token bucket: how many requests an account may still make at once, as of <see cref="Updated"/>.</summary>
public sealed record TokenBucket(double Tokens, DateTimeOffset Updated);
