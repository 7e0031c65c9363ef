using Eipnet.Domain.Billing;
using Eipnet.Domain.Metering;

namespace Eipnet.Domain.Tests.Metering;

/// <summary>DescribeEipMonitorData's window: Alibaba's Periods, rounding up to the minute, the 400-entry limit, and summing
/// per-minute samples into periods.</summary>
public sealed class MonitorWindowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    public static TheoryData<int, int, int, string?, int> WindowCases => new()
    {
        // start s   end s    period  error code                   entries
        { 0,         3600,    60,     null,                        60 },
        { 0,         3600,    300,    null,                        12 },
        { 0,         3600,    900,    null,                        4 },
        { 0,         7200,    3600,   null,                        2 },
        { 5,         180,     60,     null,                        2 },   // 10:00:05 rounds up to 10:01
        { 0,         3600,    120,    "InvalidParameter",          0 },
        { 60,        60,      60,     "InvalidParameter",          0 },
        { 60,        30,      60,     "InvalidParameter",          0 },   // both round to 10:01
        { 0,         24000,   60,     null,                        400 },
        { 0,         24060,   60,     "InvalidParameter.TooMany",  0 },
    };

    [Theory, MemberData(nameof(WindowCases))]
    public void Create_FollowsAlibabasRules(int start, int end, int period, string? code, int entries)
    {
        var (window, error) = MonitorWindow.Create(T0.AddSeconds(start), T0.AddSeconds(end), period);
        Assert.Equal(code, error?.Code);
        Assert.Equal(entries, window?.Points([]).Count ?? 0);
    }

    [Fact]
    public void Create_RefusesTimesAtTheEndOfTheCalendar() =>
        Assert.Equal("InvalidParameter", MonitorWindow.Create(DateTimeOffset.MaxValue.AddSeconds(-30), DateTimeOffset.MaxValue, 60).Error?.Code);

    [Fact]
    public void Points_SumMinutesIntoPeriods_AndBandwidthIsBytesPerSecond()
    {
        var (window, _) = MonitorWindow.Create(T0, T0.AddMinutes(10), 300);
        var points = window!.Points([
            (T0.AddMinutes(-1), new EipTraffic(999, 999, 9, 9)),   // before the window
            (T0, new EipTraffic(100, 200, 1, 2)),
            (T0.AddMinutes(4), new EipTraffic(1000, 2000, 10, 20)),
            (T0.AddMinutes(5), new EipTraffic(3000, 0, 3, 0)),
            (T0.AddMinutes(10), new EipTraffic(999, 999, 9, 9)),   // after it
        ]);
        Assert.Equal([(T0, 1100L, 2200L, 11L, 22L, 11L), (T0.AddMinutes(5), 3000L, 0L, 3L, 0L, 10L)],
            points.Select(p => (p.Start, p.Traffic.BytesIn, p.Traffic.BytesOut, p.Traffic.PacketsIn, p.Traffic.PacketsOut, p.Bandwidth)));
    }
}
