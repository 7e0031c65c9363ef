using Eipnet.DataPlane.Linux.Topology;
using Eipnet.Domain.Associations;
using Eipnet.Domain.Resources;

namespace Eipnet.DataPlane.Linux.Planning;

/// <summary>What one active EIP puts into the plan once its ENI has a link: its target, its map elements in its VPC's router
/// (NAT: dnat and snat; cut-through and multi-EIP: routed to the ENI's host end) and in the gateway (its VPC's mark, and
/// the set of EIPs).</summary>
internal sealed record EipFragment(EipTarget Target, IReadOnlyList<NftElement> Elements)
{
    public static bool Active(Eip eip) => eip.Association is not null && eip.Status is EipStatus.Associating or EipStatus.InUse;

    /// <summary>The fragment of an active EIP whose ENI is <paramref name="eni"/> (here, or through the overlay).</summary>
    public static EipFragment For(Eip eip, EniFragment eni, HostPlanOptions o)
    {
        var a = eip.Association!;
        var target = new EipTarget(eip.IpAddress, a.NetworkInterfaceId, a.PrivateIpAddress, a.Mode, eni.Link?.Namespace)
        {
            AllocationId = eip.AllocationId,
            Router = eni.Router,
            Device = eni.Port,
        };
        return Of(target, o);
    }

    /// <summary>The fragment the plan holds for <paramref name="target"/> (the elements follow from the target alone; a routed EIP
    /// goes to its ENI's host end or the overlay device to its host, the target's device).</summary>
    public static EipFragment Of(EipTarget target, HostPlanOptions o)
    {
        var gw = o.GatewayNamespace;
        List<NftElement> elements =
        [
            new(gw, HostPlan.EipVpcMap, target.EipAddress, HostPlan.Mark(o.VpcOfRouter(target.Router))),
            new(gw, HostPlan.EipSet, target.EipAddress, null),
            new(gw, HostPlan.EipRxSet, target.EipAddress, null),
            new(gw, HostPlan.EipTxSet, target.EipAddress, null),
        ];
        if (target.Mode == AssociationMode.Nat)
        {
            elements.Add(new(target.Router, HostPlan.DnatMap, target.EipAddress, target.PrivateIpAddress));
            elements.Add(new(target.Router, HostPlan.SnatMap, target.PrivateIpAddress, target.EipAddress));
        }
        else
        {
            elements.Add(new(target.Router, HostPlan.RoutedMap, target.EipAddress, EniFragment.Quote(target.Device.Length > 0 ? target.Device : EniNames.Gateway(target.EniId))));
        }
        return new EipFragment(target, elements);
    }
}
