namespace Eipnet.Domain.Resources;

/// <summary>A tenant with its AccessKey pair, its multi-EIP allowlist flag and its quotas.</summary>
public sealed record Account(
    string AccountId,
    string Name,
    string AccessKeyId,
    string AccessKeySecret,
    bool MultiEipAllowed,
    int EipQuota,
    int EipsPerEniQuota,
    DateTimeOffset CreatedAt)
{
    /// <summary>Alibaba's default EIP quota per account (eip_quota_instances_num).</summary>
    public const int DefaultEipQuota = 20;

    /// <summary>The seed's limit of EIPs on one ENI in multi-EIP mode, raised per account by ticket.</summary>
    public const int DefaultEipsPerEniQuota = 10;
}
