namespace Eipnet.Domain.Billing;

/// <summary>One EIP's line of a bill over [From, To): hours by what it was bound to, its usage, and the fees.</summary>
/// <remarks>Hours are exact (to the millisecond), not rounded up. HoursHeld = HoursOnInstance + HoursOnEni + HoursUnbound.
/// The configuration fee accrues over HoursCharged (on an ENI or unbound); hours on an ECS instance are waived (the seed's
/// FAQ). TrafficOutBytes and the traffic fee are for PayByTraffic EIPs; PeakBandwidthMbps and the bandwidth fee for
/// PayByBandwidth EIPs (zero for the other type). Money is rounded to 4 decimal places.</remarks>
public sealed record EipBillLine(
    string AllocationId,
    string IpAddress,
    string InternetChargeType,
    decimal HoursHeld,
    decimal HoursOnInstance,
    decimal HoursOnEni,
    decimal HoursUnbound,
    long TrafficInBytes,
    long TrafficOutBytes,
    int PeakBandwidthMbps,
    decimal ConfigFee,
    decimal TrafficFee,
    decimal BandwidthFee)
{
    public decimal HoursCharged => HoursOnEni + HoursUnbound;

    public decimal Total => ConfigFee + TrafficFee + BandwidthFee;
}
