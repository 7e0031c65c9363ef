using Eipnet.Domain.Billing;
using Eipnet.Domain.Metering;

namespace Eipnet.Domain.Tests.Metering;

/// <summary>Cumulative agent counters become per-interval traffic; restarts and resets count from zero.</summary>
public sealed class TrafficDeltasTests
{
    private static TrafficCounters C(long rx, long tx, long rxp = 0, long txp = 0) => new(rx, tx, rxp, txp);

    public static TheoryData<string, string?, TrafficCounters?, string, TrafficCounters, EipTraffic> Cases => new()
    {
        // case                            previous epoch  previous          epoch   current            delta
        { "first report",                  null,           null,             "a",    C(100, 200, 1, 2),  new(100, 200, 1, 2) },
        { "same epoch, counters grew",     "a",            C(100, 200, 1, 2), "a",   C(150, 260, 3, 5),  new(50, 60, 2, 3) },
        { "same epoch, nothing new",       "a",            C(100, 200, 1, 2), "a",   C(100, 200, 1, 2),  EipTraffic.None },
        { "agent restarted (new epoch)",   "a",            C(100, 200, 1, 2), "b",   C(500, 700, 5, 7),  new(500, 700, 5, 7) },
        { "counter went down (reset)",     "a",            C(100, 200, 1, 2), "a",   C(10, 900, 1, 9),   new(10, 900, 1, 9) },
        { "packets went down (reset)",     "a",            C(100, 200, 9, 2), "a",   C(110, 210, 1, 3),  new(110, 210, 1, 3) },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Between_CountsFromZero_AfterARestartOrReset(string @case, string? previousEpoch, TrafficCounters? previous, string epoch, TrafficCounters current, EipTraffic expected) =>
        Assert.True(expected == TrafficDeltas.Between(previousEpoch, previous, epoch, current), @case);

    [Fact]
    public void Check_RejectsNegativeCounters()
    {
        Assert.Null(TrafficDeltas.Check(C(0, 0)));
        Assert.NotNull(TrafficDeltas.Check(C(0, -1)));
    }
}
