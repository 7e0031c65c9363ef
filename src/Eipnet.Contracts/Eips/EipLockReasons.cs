namespace Eipnet.Contracts.Eips;

public sealed record EipLockReasons(IReadOnlyList<EipLockReason> LockReason);
