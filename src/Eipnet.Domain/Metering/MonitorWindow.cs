using Eipnet.Domain.Billing;
using Eipnet.Domain.Errors;

namespace Eipnet.Domain.Metering;

/// <summary>DescribeEipMonitorData's time window: StartTime and EndTime rounded up to the minute, Period one of Alibaba's values,
/// at most <see cref="MaxPoints"/> entries.</summary>
public sealed record MonitorWindow(DateTimeOffset Start, DateTimeOffset End, int Period)
{
    /// <summary>Alibaba's valid Period values, in seconds.</summary>
    public static readonly int[] Periods = [60, 300, 900, 3600];

    /// <summary>Alibaba's limit on entries per request.</summary>
    public const int MaxPoints = 400;

    private static readonly DateTimeOffset Latest = DateTimeOffset.MaxValue.AddMinutes(-2);

    /// <summary>The length of one stored sample: traffic is kept per UTC minute.</summary>
    public static readonly TimeSpan SampleLength = TimeSpan.FromMinutes(1);

    /// <summary>The window, or the error Alibaba answers for it.</summary>
    /// <remarks>Times with seconds are rounded up to the next minute (Alibaba's documented behaviour).</remarks>
    public static (MonitorWindow? Window, EipError? Error) Create(DateTimeOffset start, DateTimeOffset end, int period)
    {
        if (!Periods.Contains(period))
            return (null, new EipError("InvalidParameter", $"The specified Period {period} is not valid; use 60, 300, 900 or 3600.", 400));
        // Rounding up must stay inside DateTimeOffset's range.
        if (start > Latest || end > Latest)
            return (null, new EipError("InvalidParameter", "StartTime and EndTime must be before the year 9999 ends.", 400));
        var s = CeilingMinute(start);
        var e = CeilingMinute(end);
        if (e <= s)
            return (null, new EipError("InvalidParameter", "EndTime must be later than StartTime (both rounded up to the minute).", 400));
        if ((e - s).TotalSeconds / period > MaxPoints)
            return (null, new EipError("InvalidParameter.TooMany", $"monitor parameter too many data required: (EndTime - StartTime) / Period must be at most {MaxPoints}.", 400));
        return (new MonitorWindow(s, e, period), null);
    }

    /// <summary>One entry per Period from Start, each summing the samples (per minute, keyed by their start) inside it; a
    /// period with no samples has zero traffic.</summary>
    public IReadOnlyList<MonitorPoint> Points(IEnumerable<(DateTimeOffset Minute, EipTraffic Traffic)> samples)
    {
        var count = (int)Math.Ceiling((End - Start).TotalSeconds / Period);
        var sums = new EipTraffic[count];
        Array.Fill(sums, EipTraffic.None);
        foreach (var (minute, t) in samples)
        {
            if (minute < Start || minute >= End)
                continue;
            var i = (int)((minute - Start).TotalSeconds / Period);
            var a = sums[i];
            sums[i] = new EipTraffic(a.BytesIn + t.BytesIn, a.BytesOut + t.BytesOut, a.PacketsIn + t.PacketsIn, a.PacketsOut + t.PacketsOut);
        }
        return sums.Select((t, i) => new MonitorPoint(Start.AddSeconds((double)i * Period), t, (t.BytesIn + t.BytesOut) / Period)).ToList();
    }

    /// <summary>The start of the minute a time falls in (samples are stored per minute).</summary>
    public static DateTimeOffset FloorMinute(DateTimeOffset t) =>
        new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);

    private static DateTimeOffset CeilingMinute(DateTimeOffset t)
    {
        var floor = FloorMinute(t);
        return floor == t.ToUniversalTime() ? floor : floor.AddMinutes(1);
    }
}
