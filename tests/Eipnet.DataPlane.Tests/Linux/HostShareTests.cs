using Eipnet.DataPlane.Linux;
using Eipnet.Domain.Associations;
using Eipnet.Domain.Hosts;
using Eipnet.Domain.Resources;

namespace Eipnet.DataPlane.Tests.Linux;

/// <summary>Each host plans its share of one intent: a gateway the NAT and EIP routes of every VPC, a compute host its
/// instances, their ENIs and security groups; routers of a VPC on different hosts are joined by VXLAN.</summary>
public sealed class HostShareTests
{
    private static readonly HostNode[] Hosts =
    [
        new("g1", 1, HostRoles.Gateway, "192.0.2.11"), new("c1", 2, HostRoles.Compute, "192.0.2.12"), new("c2", 3, HostRoles.Compute, "192.0.2.13"),
    ];

    private static DesiredState State(IReadOnlyList<HostNode> hosts)
    {
        var a = Make.Instance("i-a") with { Host = "c1" };
        var b = Make.Instance("i-b") with { Host = "c2" };
        var aEni = Make.Eni("eni-a", "i-a", ["10.0.0.2"], deviceIndex: 0);
        var bEni = Make.Eni("eni-b", "i-b", ["10.0.0.3"], deviceIndex: 0);
        var cut = Make.Eni("eni-cut", "i-b", ["10.0.0.4"], deviceIndex: 1);
        var nat = Make.Eip("eip-nat", "198.51.100.5", "eni-a", "10.0.0.2");
        var binded = Make.Eip("eip-cut", "198.51.100.6", "eni-cut", "10.0.0.4") with
        {
            Association = new Association("eni-cut", Association.NetworkInterface, "eni-cut", "10.0.0.4", AssociationMode.Binded),
        };
        var state = new DesiredState();
        state.Apply(Make.Full(1, [nat, binded], [aEni, bEni, cut], [a, b]) with { Hosts = hosts });
        return state;
    }

    private static HostPlan Plan(string? host, IReadOnlyList<HostNode> hosts) =>
        HostPlan.For(State(hosts), HostPlanOptions.Default with { HostName = host });

    [Fact]
    public void Gateway_HasEveryVpcsRouter_WithNatAndRoutesThroughTheOverlay_AndNoInstance()
    {
        var plan = Plan("g1", Hosts);
        var router = HostPlanOptions.Default.RouterNamespace("vpc-1");
        Assert.Equal(["eipnet-gw", router], plan.Namespaces);
        Assert.DoesNotContain(plan.Links.Values, l => !l.IsTransit);
        Assert.Equal("10.0.0.2", plan.Tables[router].Sets[HostPlan.DnatMap].Elements["198.51.100.5"]);
        Assert.Equal(("vxn", "169.254.128.2"), Via(plan, router, "10.0.0.2/32"));
        Assert.Equal(("vxn", "169.254.128.3"), Via(plan, router, "198.51.100.6/32")); // cut-through: untranslated, to c2
        Assert.Contains("198.51.100.6", plan.Tables[router].Sets[HostPlan.PublicOnlyEipSet].Elements.Keys);
        var tunnel = Assert.Single(plan.Tunnels.Values);
        Assert.Equal(("vxn", Overlay.VniOf(null, "vpc-1")), (tunnel.Name, tunnel.Vni));
        Assert.Equal(["192.0.2.12", "192.0.2.13"], plan.TunnelPeers.Select(p => p.Remote).Order());
    }

    [Fact]
    public void ComputeHost_HasItsInstancesOnly_ItsGatewayIsItsTransit_ItsVpcPeersAreDirect_AndItTranslatesNothing()
    {
        var plan = Plan("c1", Hosts);
        var router = HostPlanOptions.Default.RouterNamespace("vpc-1");
        Assert.Equal(["eipnet-i-a", "eipnet-parked", router], plan.Namespaces);
        Assert.Equal(["eni-a"], plan.Links.Keys);
        Assert.Empty(plan.Tables[router].Sets[HostPlan.DnatMap].Elements);
        Assert.Empty(plan.EipTargets);
        Assert.Equal(("transit", "169.254.128.1"), Via(plan, router, "default"));
        Assert.Equal(("vxe", "169.254.128.3"), Via(plan, router, "10.0.0.3/32"));
        Assert.False(plan.Routes.ContainsKey((router, 0, "10.0.0.4/32"))); // the cut-through ENI has no private networking
        Assert.Equal(["transit", "vxe"], plan.Tunnels.Values.Select(t => t.Name).Order());
        Assert.Equal(Overlay.EastWest(Overlay.VniOf(null, "vpc-1")), plan.Tunnels.Values.Single(t => t.Name == "vxe").Vni);
        Assert.Contains(plan.Rules, r => r.Namespace == router && r.Fwmark == HostPlan.ReturnMark && r.Table == HostPlan.ReturnTable);
    }

    [Fact]
    public void EveryEniIsOnExactlyOneHost_AndEveryEipOnTheGateway()
    {
        var plans = Hosts.Select(h => Plan(h.Name, Hosts)).ToList();
        foreach (var eni in new[] { "eni-a", "eni-b", "eni-cut" })
            Assert.Single(plans, p => p.Links.ContainsKey(eni));
        Assert.Equal(["198.51.100.5", "198.51.100.6"], plans[0].EipTargets.Keys);
    }

    [Fact]
    public void OneHostWithBothRoles_PlansExactlyAsWithNoHostRegistered()
    {
        var alone = Plan(null, []);
        var local = Plan("local", [new HostNode("local", 1, HostRoles.Both, "")]);
        Assert.Equal(alone.RenderTables(), local.RenderTables());
        Assert.Equal(alone.Routes, local.Routes);
        Assert.Equal(alone.Links, local.Links);
        Assert.Empty(local.Tunnels);
    }

    private static (string Device, string? Via) Via(HostPlan plan, string ns, string destination)
    {
        var route = plan.Routes[(ns, 0, destination)];
        return (route.Device, route.Via);
    }
}
