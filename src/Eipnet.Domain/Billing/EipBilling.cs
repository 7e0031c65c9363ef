namespace Eipnet.Domain.Billing;

/// <summary>The seed's billing rule as pure functions: what an EIP owes over a period, from its history and its traffic.</summary>
public static class EipBilling
{
    public const string PayByTraffic = "PayByTraffic";
    public const string PayByBandwidth = "PayByBandwidth";

    private const decimal MillisecondsPerHour = 3_600_000m;
    private const decimal BytesPerGb = 1_000_000_000m;

    /// <summary>True when the configuration fee is waived: the EIP is bound to an ECS instance, that is on an instance's
    /// primary ENI (SPEC, billing facts). On a secondary ENI, or unbound, it accrues.</summary>
    public static bool ConfigFeeWaived(EipBinding? binding) => binding is { OnPrimaryEni: true };

    /// <summary>The bill lines of every EIP that has a segment overlapping [from, to), ordered by allocation id.</summary>
    /// <remarks><paramref name="traffic"/> holds each EIP's traffic metered in the period; an EIP missing from it sent nothing.</remarks>
    public static IReadOnlyList<EipBillLine> Bill(
        IEnumerable<EipSegment> segments, IReadOnlyDictionary<string, EipTraffic> traffic, DateTimeOffset from, DateTimeOffset to, PriceList prices) =>
        segments.GroupBy(s => s.AllocationId, StringComparer.Ordinal)
            .Select(g => Line(g.ToList(), traffic.GetValueOrDefault(g.Key, EipTraffic.None), from, to, prices))
            .Where(l => l is not null)
            .Select(l => l!)
            .OrderBy(l => l.AllocationId, StringComparer.Ordinal)
            .ToList();

    /// <summary>One EIP's line over [from, to); null when none of its segments overlaps the period.</summary>
    /// <remarks>An open segment (To null) counts up to <paramref name="to"/>. PayByBandwidth is billed per UTC clock hour at
    /// the highest Bandwidth the EIP had within that hour, for the time it was held in that hour.</remarks>
    public static EipBillLine? Line(IReadOnlyList<EipSegment> segments, EipTraffic traffic, DateTimeOffset from, DateTimeOffset to, PriceList prices)
    {
        if (to <= from)
            throw new ArgumentException("The period must end after it starts.", nameof(to));
        var inside = segments
            .Select(s => (Segment: s, Start: Max(s.From, from), End: Min(s.To ?? to, to)))
            .Where(x => x.End > x.Start)
            .OrderBy(x => x.Start)
            .ToList();
        if (inside.Count == 0)
            return null;

        decimal onInstance = 0, onEni = 0, unbound = 0;
        foreach (var (s, start, end) in inside)
        {
            var hours = Hours(start, end);
            if (s.Binding is null)
                unbound += hours;
            else if (ConfigFeeWaived(s.Binding))
                onInstance += hours;
            else
                onEni += hours;
        }
        var last = inside[^1].Segment;
        var chargeType = last.InternetChargeType;
        var byTraffic = chargeType == PayByTraffic;
        var byBandwidth = chargeType == PayByBandwidth;

        var peak = byBandwidth ? inside.Max(x => x.Segment.Bandwidth) : 0;
        var bandwidthFee = 0m;
        if (byBandwidth)
        {
            foreach (var hour in ClockHours(inside[0].Start, inside[^1].End))
            {
                var inHour = inside
                    .Select(x => (x.Segment.Bandwidth, Start: Max(x.Start, hour), End: Min(x.End, hour.AddHours(1))))
                    .Where(x => x.End > x.Start)
                    .ToList();
                if (inHour.Count > 0)
                    bandwidthFee += inHour.Max(x => x.Bandwidth) * inHour.Sum(x => Hours(x.Start, x.End)) * prices.BandwidthPerMbpsHour;
            }
        }
        var charged = onEni + unbound;
        return new EipBillLine(
            last.AllocationId, last.IpAddress, chargeType,
            HoursHeld: onInstance + onEni + unbound,
            HoursOnInstance: onInstance,
            HoursOnEni: onEni,
            HoursUnbound: unbound,
            TrafficInBytes: traffic.BytesIn,
            TrafficOutBytes: traffic.BytesOut,
            PeakBandwidthMbps: peak,
            ConfigFee: Money(charged * prices.ConfigFeePerHour),
            TrafficFee: byTraffic ? Money(traffic.BytesOut / BytesPerGb * prices.TrafficPerGb) : 0m,
            BandwidthFee: Money(bandwidthFee));
    }

    private static decimal Hours(DateTimeOffset start, DateTimeOffset end) => (end - start).Ticks / TimeSpan.TicksPerMillisecond / MillisecondsPerHour;

    private static decimal Money(decimal amount) => Math.Round(amount, 4, MidpointRounding.AwayFromZero);

    private static IEnumerable<DateTimeOffset> ClockHours(DateTimeOffset start, DateTimeOffset end)
    {
        var utc = start.ToUniversalTime();
        for (var hour = new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero); hour < end; hour = hour.AddHours(1))
            yield return hour;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
