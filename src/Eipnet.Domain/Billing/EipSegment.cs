namespace Eipnet.Domain.Billing;

/// <summary>A stretch of an EIP's life over which everything billing looks at stayed the same: charge type, bandwidth and
/// binding (null while unbound).</summary>
/// <remarks>[From, To): To is null while the stretch is still open (the EIP is held now and nothing changed since From).
/// Consecutive segments of one EIP touch (one's To is the next one's From); the last ends when the EIP is released.</remarks>
public sealed record EipSegment(
    string AllocationId,
    string AccountId,
    string RegionId,
    string IpAddress,
    string InternetChargeType,
    int Bandwidth,
    EipBinding? Binding,
    DateTimeOffset From,
    DateTimeOffset? To);
