namespace Eipnet.Contracts.Instances;

/// <summary>Operation locks of an instance; Eipnet never locks one, so the list is always empty.</summary>
public sealed record InstanceLockReasonList(IReadOnlyList<InstanceLockReason> LockReason);
