namespace Eipnet.Domain.Billing;

/// <summary>The operator's EIP prices (the catalog file's "Prices"; defaults when it has none).</summary>
/// <remarks>Amounts are in <see cref="Currency"/>. The configuration fee is per hour held and not waived; traffic is per GB
/// (10^9 bytes) sent out of the EIP (PayByTraffic); bandwidth is per Mbit/s and hour (PayByBandwidth).</remarks>
public sealed record PriceList(string Currency, decimal ConfigFeePerHour, decimal TrafficPerGb, decimal BandwidthPerMbpsHour)
{
    /// <summary>Eipnet's defaults, of the order of public cloud list prices; an operator sets real ones in the catalog.</summary>
    public static readonly PriceList Default = new("USD", 0.005m, 0.08m, 0.03m);
}
