using Eipnet.Domain.Associations;
using Eipnet.Domain.Billing;

namespace Eipnet.Domain.Tests.Billing;

/// <summary>The seed's billing rule: the configuration fee is waived while the EIP is on an ECS instance and accrues on an ENI
/// or unbound; traffic for PayByTraffic, the hour's peak bandwidth for PayByBandwidth.</summary>
public sealed class EipBillingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly PriceList Prices = new("USD", 0.01m, 0.1m, 0.02m);

    private static readonly EipBinding Instance = new("EcsInstance", "i-1", "eni-p", true, AssociationMode.Nat);
    private static readonly EipBinding EniNat = new("NetworkInterface", "eni-s", "eni-s", false, AssociationMode.Nat);
    private static readonly EipBinding EniCut = EniNat with { Mode = AssociationMode.Binded };
    private static readonly EipBinding PrimaryEni = new("NetworkInterface", "eni-p", "eni-p", true, AssociationMode.Nat);

    /// <summary>A history written as (binding, minutes from T0 it starts, bandwidth); each segment ends where the next starts,
    /// the last at <paramref name="end"/> minutes (null: still open).</summary>
    private static List<EipSegment> History(string chargeType, int? end, params (EipBinding? Binding, int At, int Mbps)[] steps) =>
        steps.Select((s, i) => new EipSegment("eip-1", "acc-1", "cn-hangzhou", "198.51.100.2", chargeType, s.Mbps, s.Binding,
            T0.AddMinutes(s.At), i + 1 < steps.Length ? T0.AddMinutes(steps[i + 1].At) : end is { } e ? T0.AddMinutes(e) : null)).ToList();

    public static TheoryData<string, List<EipSegment>, int, int, decimal[]> HourCases => new()
    {
        // case                                     history                                                                    from to (min)  held, instance, ENI, unbound
        { "on an instance all period",              History("PayByTraffic", null, (Instance, 0, 5)),                           0, 120, [2m, 2m, 0m, 0m] },
        { "on an ENI all period",                   History("PayByTraffic", null, (EniNat, 0, 5)),                             0, 120, [2m, 0m, 2m, 0m] },
        { "unbound all period",                     History("PayByTraffic", null, (null, 0, 5)),                               0, 120, [2m, 0m, 0m, 2m] },
        { "on the primary ENI named as an ENI",     History("PayByTraffic", null, (PrimaryEni, 0, 5)),                         0, 60,  [1m, 1m, 0m, 0m] },
        { "associated mid-hour",                    History("PayByTraffic", null, (null, 0, 5), (Instance, 30, 5)),            0, 60,  [1m, 0.5m, 0m, 0.5m] },
        { "mode change mid-hour stays on the ENI",  History("PayByTraffic", null, (EniNat, 0, 5), (EniCut, 20, 5)),            0, 60,  [1m, 0m, 1m, 0m] },
        { "instance deleted mid-hour",              History("PayByTraffic", null, (Instance, 0, 5), (null, 45, 5)),            0, 60,  [1m, 0.75m, 0m, 0.25m] },
        { "moved from instance to ENI mid-hour",    History("PayByTraffic", null, (Instance, 0, 5), (null, 15, 5), (EniNat, 15, 5)), 0, 60, [1m, 0.25m, 0.75m, 0m] },
        { "allocated mid-period, released before",  History("PayByTraffic", 90, (null, 30, 5), (EniNat, 60, 5)),               0, 120, [1m, 0m, 0.5m, 0.5m] },
        { "period cuts the segments",               History("PayByTraffic", null, (Instance, 0, 5), (EniNat, 60, 5)),          30, 90, [1m, 0.5m, 0.5m, 0m] },
    };

    [Theory, MemberData(nameof(HourCases))]
    public void Line_SplitsHoursHeld_ByWhatTheEipWasBoundTo(string @case, List<EipSegment> history, int from, int to, decimal[] expected)
    {
        var line = EipBilling.Line(history, EipTraffic.None, T0.AddMinutes(from), T0.AddMinutes(to), Prices)!;
        Assert.True(expected.SequenceEqual([line.HoursHeld, line.HoursOnInstance, line.HoursOnEni, line.HoursUnbound]),
            $"{@case}: got {line.HoursHeld}, {line.HoursOnInstance}, {line.HoursOnEni}, {line.HoursUnbound}");
        Assert.Equal(Math.Round((expected[2] + expected[3]) * Prices.ConfigFeePerHour, 4), line.ConfigFee);
    }

    public static TheoryData<string, List<EipSegment>, int, int, int, decimal> BandwidthCases => new()
    {
        // case                                      history                                                           from to   peak  fee (0.02/Mbps-hour)
        { "5 Mbps for two hours",                    History("PayByBandwidth", null, (Instance, 0, 5)),               0, 120, 5,  0.2m },
        { "raised to 20 mid-hour: the hour at 20",   History("PayByBandwidth", null, (Instance, 0, 5), (Instance, 30, 20)), 0, 120, 20, 0.8m },
        { "lowered mid-hour: the hour at the peak",  History("PayByBandwidth", null, (Instance, 0, 20), (Instance, 90, 5)), 0, 120, 20, 0.8m },
        { "held half the hour at 10",                History("PayByBandwidth", 30, (EniNat, 0, 10)),                  0, 60,  10, 0.1m },
        { "traffic EIPs pay no bandwidth",           History("PayByTraffic", null, (Instance, 0, 10)),                0, 60,  0,  0m },
    };

    [Theory, MemberData(nameof(BandwidthCases))]
    public void Line_ChargesEachHourAtItsPeakBandwidth_ForPayByBandwidth(string @case, List<EipSegment> history, int from, int to, int peak, decimal fee)
    {
        var line = EipBilling.Line(history, EipTraffic.None, T0.AddMinutes(from), T0.AddMinutes(to), Prices)!;
        Assert.True((peak, fee) == (line.PeakBandwidthMbps, line.BandwidthFee), $"{@case}: got {line.PeakBandwidthMbps} Mbps, {line.BandwidthFee}");
    }

    [Theory]
    [InlineData("PayByTraffic", 2_500_000_000L, 0.25)]
    [InlineData("PayByBandwidth", 2_500_000_000L, 0)]
    public void Line_ChargesOutboundTraffic_OnlyForPayByTraffic(string chargeType, long bytesOut, double fee)
    {
        var line = EipBilling.Line(History(chargeType, null, (Instance, 0, 5)), new EipTraffic(7_000_000_000, bytesOut, 1, 2), T0, T0.AddHours(1), Prices)!;
        Assert.Equal((decimal)fee, line.TrafficFee);
        Assert.Equal((7_000_000_000L, bytesOut), (line.TrafficInBytes, line.TrafficOutBytes));
    }

    [Fact]
    public void Line_IsNull_WhenTheEipWasNotHeldInThePeriod() =>
        Assert.Null(EipBilling.Line(History("PayByTraffic", 60, (EniNat, 0, 5)), EipTraffic.None, T0.AddHours(1), T0.AddHours(2), Prices));

    [Fact]
    public void Bill_SeedCases_ChargesTheEniAndWaivesTheInstance()
    {
        // The seed's FAQ: EIPs associated with ECS instances are free of the configuration fee; on an ENI they are charged.
        var onInstance = History("PayByTraffic", null, (Instance, 0, 5));
        var onEni = History("PayByTraffic", null, (EniNat, 0, 5)).Select(s => s with { AllocationId = "eip-2" });
        var bill = EipBilling.Bill([.. onInstance, .. onEni], new Dictionary<string, EipTraffic>(), T0, T0.AddHours(24), Prices);
        Assert.Equal([("eip-1", 0m, 24m, 0m), ("eip-2", 24m, 0m, 0.24m)], bill.Select(l => (l.AllocationId, l.HoursCharged, l.HoursOnInstance, l.ConfigFee)));
    }

    [Fact]
    public void ConfigFeeWaived_OnlyOnAnInstancesPrimaryEni()
    {
        Assert.True(EipBilling.ConfigFeeWaived(Instance));
        Assert.True(EipBilling.ConfigFeeWaived(PrimaryEni));
        Assert.False(EipBilling.ConfigFeeWaived(EniNat));
        Assert.False(EipBilling.ConfigFeeWaived(null));
    }
}
