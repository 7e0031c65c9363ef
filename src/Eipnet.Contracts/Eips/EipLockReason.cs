namespace Eipnet.Contracts.Eips;

public sealed record EipLockReason(string LockReason);
