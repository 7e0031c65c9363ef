using System.Collections.Concurrent;
using Eipnet.Domain.Resources;

namespace Eipnet.DataPlane.Simulated;

/// <summary>A data plane that applies every change at once and keeps, in memory, what it was told (for inspection).</summary>
public sealed class SimulatedDataPlane : IDataPlane
{
    private readonly ConcurrentDictionary<string, Eip> eips = new(StringComparer.Ordinal);

    public string Name => "sim";

    /// <summary>The last applied revision.</summary>
    public long AppliedRevision { get; private set; }

    /// <summary>EIPs the simulated gateway forwards (Associating or InUse with an association).</summary>
    public IReadOnlyCollection<Eip> ForwardedEips => eips.Values.ToList();

    public Task ApplyAsync(DesiredChanges changes, CancellationToken ct)
    {
        if (changes.Full)
            eips.Clear();
        foreach (var eip in changes.Eips)
        {
            if (eip.Association is not null && eip.Status is EipStatus.Associating or EipStatus.InUse)
                eips[eip.AllocationId] = eip;
            else
                eips.TryRemove(eip.AllocationId, out _);
        }
        foreach (var removed in changes.Removed.Where(r => r.Kind == ResourceKind.Eip))
            eips.TryRemove(removed.Id, out _);
        AppliedRevision = changes.Revision;
        return Task.CompletedTask;
    }
}
