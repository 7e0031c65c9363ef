using Eipnet.Domain.Hosts;
using Eipnet.Domain.Resources;

namespace Eipnet.Domain.Tests.Hosts;

public sealed class PlacementTests
{
    private static readonly HostNode G1 = new("g1", 1, HostRoles.Gateway, "192.0.2.11");
    private static readonly HostNode C1 = new("c1", 2, HostRoles.Compute, "192.0.2.12");
    private static readonly HostNode C2 = new("c2", 3, HostRoles.Compute, "192.0.2.13");

    [Fact]
    public void Choose_TheComputeHostWithFewestInstances_FirstByNameOnATie_NeverAGateway()
    {
        HostNode[] hosts = [G1, C2, C1];
        Assert.Equal("c1", Placement.Choose(hosts, new Dictionary<string, long>())!.Name);
        Assert.Equal("c2", Placement.Choose(hosts, new Dictionary<string, long> { ["c1"] = 1 })!.Name);
        Assert.Equal("c1", Placement.Choose(hosts, new Dictionary<string, long> { ["c1"] = 3, ["c2"] = 3, ["g1"] = 0 })!.Name);
        Assert.Null(Placement.Choose([G1], new Dictionary<string, long>()));
        Assert.Null(Placement.Choose([], new Dictionary<string, long>()));
    }

    [Theory]
    [InlineData("c2", "c2")]
    [InlineData("", "c1")]      // made before any host was registered
    [InlineData("c9", "c1")]    // its host was removed
    [InlineData("g1", "c1")]    // a gateway runs no instances
    public void HostOf_TheInstancesOwnHost_ElseTheFirstComputeHost(string placed, string runsOn)
    {
        var instance = new Instance("i-1", "acc-1", "r", "z", "vpc-1", "vsw-1", "t", "img", "", "", "", InstanceStatus.Running, "eni-1", Make.T0, null, 1) { Host = placed };
        Assert.Equal(runsOn, Placement.HostOf(instance, [G1, C1, C2])!.Name);
    }

    [Fact]
    public void Involvement_EveryGatewayAndTheInstancesHost_NotTheOtherComputeHosts()
    {
        (HostNode, long)[] agents = [(G1, 10), (C1, 10), (C2, 5)];
        string? Host(string id) => id == "i-on-c2" ? "c2" : id == "i-on-c1" ? "c1" : null;
        Assert.True(Involvement.Applied("i-on-c1", 10, agents, Host));
        Assert.False(Involvement.Applied("i-on-c2", 10, agents, Host));
        Assert.True(Involvement.Applied("i-on-c2", 5, agents, Host));
        Assert.True(Involvement.Applied(null, 10, agents, Host));       // no instance: the host where detached ENIs wait (c1)
        Assert.False(Involvement.Applied("i-on-c1", 10, [(G1, 9), (C1, 10), (C2, 10)], Host)); // a gateway behind holds everything
        Assert.True(Involvement.Applied("i-on-c1", 10, [(new HostNode("local", 1, HostRoles.Both, ""), 10)], Host));
    }

    [Theory]
    [InlineData("gateway", HostRoles.Gateway)]
    [InlineData("compute", HostRoles.Compute)]
    [InlineData("gateway,compute", HostRoles.Both)]
    [InlineData(" Compute , gateway ", HostRoles.Both)]
    public void Roles_ParseAndFormat(string text, HostRoles roles)
    {
        Assert.True(HostRolesText.TryParse(text, out var parsed));
        Assert.Equal(roles, parsed);
        Assert.True(HostRolesText.TryParse(HostRolesText.Format(parsed), out var again));
        Assert.Equal(roles, again);
    }

    [Theory]
    [InlineData("")]
    [InlineData("router")]
    [InlineData("gateway,storage")]
    public void Roles_RefuseWhatIsNotARole(string text) => Assert.False(HostRolesText.TryParse(text, out _));

    [Fact]
    public void Vni_IsTwentyThreeBitsAndNeverZero_EastWestHasTheTwentyFourthBit()
    {
        Assert.Equal(1, Overlay.VniForRevision(1));
        Assert.Equal(Overlay.MaxVni, Overlay.VniForRevision(Overlay.MaxVni));
        Assert.Equal(1, Overlay.VniForRevision(Overlay.MaxVni + 1L));
        Assert.Equal(0x800005, Overlay.EastWest(5));
        var vpc = new Vpc("vpc-old", "acc-1", "r", "10.0.0.0/16", "", "", Make.T0);
        Assert.InRange(Overlay.VniOf(vpc, vpc.VpcId), 1, Overlay.MaxVni);
        Assert.Equal(7, Overlay.VniOf(vpc with { Vni = 7 }, vpc.VpcId));
        Assert.Equal("169.254.128.2", Overlay.RouterAddress(2));
        Assert.Equal("169.254.129.4", Overlay.RouterAddress(260));
    }
}
