using Eipnet.Domain.Throttling;

namespace Eipnet.Domain.Tests.Throttling;

public sealed class AccountThrottlingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Take_AllowsABurstOfTheRate_ThenRefuses()
    {
        TokenBucket? bucket = null;
        var allowed = new List<bool>();
        for (var i = 0; i < 4; i++)
        {
            (bucket, var ok) = AccountThrottling.Take(bucket, 3, T0);
            allowed.Add(ok);
        }
        Assert.Equal([true, true, true, false], allowed);
    }

    [Fact]
    public void Take_RefillsAtTheRate_AndNeverAboveIt()
    {
        var bucket = new TokenBucket(0, T0);
        Assert.False(AccountThrottling.Take(bucket, 2, T0.AddMilliseconds(400)).Allowed);
        var (after, ok) = AccountThrottling.Take(bucket, 2, T0.AddMilliseconds(600));
        Assert.True(ok);
        Assert.Equal(0.2, after.Tokens, 3);
        Assert.Equal(1, AccountThrottling.Take(bucket, 2, T0.AddHours(1)).Bucket.Tokens, 3);
    }

    [Fact]
    public void Throttled_IsAlibabasThrottlingUser_WithA4xx()
    {
        var error = AccountThrottling.Throttled(5);
        Assert.Equal(("Throttling.User", 400), (error.Code, error.HttpStatus));
    }
}
