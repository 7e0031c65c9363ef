namespace Eipnet.DataPlane;

/// <summary>The port between the control plane and whatever makes packets flow.</summary>
/// <remarks>The control plane stores intent; the reconciler hands each change set to <see cref="ApplyAsync"/> and, once it returns,
/// reports the revision as applied, which ends the Associating/Attaching/... transitions. Applying the same changes twice must be
/// harmless. An exception means nothing is reported and the same changes come again.</remarks>
public interface IDataPlane
{
    /// <summary>Short name printed at start ("sim", "linux").</summary>
    string Name { get; }

    Task ApplyAsync(DesiredChanges changes, CancellationToken ct);

    /// <summary>Each EIP's traffic counters as the kernel holds them now (since the data plane started or the EIP was last
    /// placed; they only grow in between): none where nothing is counted.</summary>
    Task<IReadOnlyList<Feed.EipCounters>> ReadTrafficAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<Feed.EipCounters>>([]);
}
