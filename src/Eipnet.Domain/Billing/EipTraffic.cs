namespace Eipnet.Domain.Billing;

/// <summary>Bytes and packets metered for one EIP over a period. In is towards the EIP's target (from the internet), Out
/// is from it.</summary>
public sealed record EipTraffic(long BytesIn, long BytesOut, long PacketsIn, long PacketsOut)
{
    public static readonly EipTraffic None = new(0, 0, 0, 0);
}
