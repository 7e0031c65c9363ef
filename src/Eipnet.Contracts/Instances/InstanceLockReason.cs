namespace Eipnet.Contracts.Instances;

public sealed record InstanceLockReason(string LockReason, string LockMsg);
