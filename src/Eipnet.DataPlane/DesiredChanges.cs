using Eipnet.Domain.Hosts;
using Eipnet.Domain.Resources;

namespace Eipnet.DataPlane;

/// <summary>Intent for the data plane: the current state of every resource that changed up to <see cref="Revision"/>.</summary>
/// <remarks>When <see cref="Full"/> is true the lists hold every resource and anything not in them must go (start-up, resync).
/// Otherwise <see cref="Removed"/> names the resources deleted since the last pass. EIPs in Unassociating and ENIs in
/// Detaching are to be taken down; Associating and Attaching are to be set up. <see cref="Hosts"/> is always the whole list of
/// registered hosts (a handful; every host plans its share from it).</remarks>
public sealed record DesiredChanges(
    long Revision,
    bool Full,
    IReadOnlyList<Eip> Eips,
    IReadOnlyList<NetworkInterface> NetworkInterfaces,
    IReadOnlyList<Instance> Instances,
    IReadOnlyList<SecurityGroup> SecurityGroups,
    IReadOnlyList<VSwitch> VSwitches,
    IReadOnlyList<Vpc> Vpcs,
    IReadOnlyList<RemovedResource> Removed)
{
    /// <summary>How many resources the change set lists or removes.</summary>
    /// <summary>Every registered host, in every change set; empty when none is (then one host does everything).</summary>
    public IReadOnlyList<HostNode> Hosts { get; init; } = [];

    public int Count => Eips.Count + NetworkInterfaces.Count + Instances.Count + SecurityGroups.Count + VSwitches.Count + Vpcs.Count + Removed.Count;

    public bool IsEmpty => !Full && Eips.Count == 0 && NetworkInterfaces.Count == 0 && Instances.Count == 0
        && SecurityGroups.Count == 0 && VSwitches.Count == 0 && Vpcs.Count == 0 && Removed.Count == 0;
}
