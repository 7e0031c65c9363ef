using Eipnet.DataPlane.Linux;
using Eipnet.DataPlane.Linux.Ops;
using Eipnet.Domain.Resources;

namespace Eipnet.DataPlane.Tests.Linux;

public sealed class HostDiffTests
{
    [Fact]
    public void Diff_LoadsWholeTable_WhenHostHasNothingOfOurs()
    {
        var state = new DesiredState();
        state.Apply(Make.Full(1, [], [], []));
        var diff = HostDiff.Between(null, HostPlan.For(state));
        var nft = Assert.Single(diff.Operations.OfType<NftTransaction>());
        Assert.StartsWith("add table ip eipnet\ndelete table ip eipnet\ntable ip eipnet {", Assert.Single(nft.Commands), StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_TouchesSixElementsAndOneFlow_WhenOneOfTenThousandEipsIsUnassociated()
    {
        var state = new DesiredState();
        state.Apply(Make.TenThousandNatEips());
        var before = HostPlan.For(state);
        var eip = state.Eips["eip-042-017"];
        state.Apply(Make.Partial(2, eips: [eip with { Status = EipStatus.Unassociating }]));

        var diff = HostDiff.Between(before, HostPlan.For(state));

        // In the router: delete element dnat_v4 { eip }, delete element snat_v4 { private ip }; in the gateway: delete element
        // eip_vpc { eip }, eips { eip } and its two counted elements, eip_rx and eip_tx; flush the EIP's flows in the router.
        Assert.Equal(7, diff.Count);
        Assert.Equal(eip.IpAddress, Assert.Single(diff.Flushes).Address);
    }

    [Fact]
    public void Diff_TouchesFourElementsAndOneFlow_WhenOneOfTenThousandEipsMovesToAnotherPrivateIp()
    {
        var state = new DesiredState();
        state.Apply(Make.TenThousandNatEips());
        var freed = state.Eips["eip-007-003"];
        state.Apply(Make.Partial(2, removed: [new RemovedResource(ResourceKind.Eip, freed.AllocationId)]));
        var before = HostPlan.For(state);
        var moved = state.Eips["eip-042-017"];
        state.Apply(Make.Partial(3, eips: [moved with { Association = moved.Association! with { PrivateIpAddress = freed.Association!.PrivateIpAddress } }]));

        var diff = HostDiff.Between(before, HostPlan.For(state));

        // dnat_v4: delete + add the EIP's element; snat_v4: delete the old private IP, add the new one; one flush.
        Assert.Equal(5, diff.Count);
    }

    [Fact]
    public void Diff_IsEmpty_WhenTenThousandEipsArePlannedAgain()
    {
        var state = new DesiredState();
        state.Apply(Make.TenThousandNatEips());
        Assert.True(HostDiff.Between(HostPlan.For(state), HostPlan.For(state)).IsEmpty);
    }

    [Fact]
    public void Plan_IsTheEmptyTable_WhenEverythingIsRemoved()
    {
        var state = new DesiredState();
        state.Apply(Make.TenThousandNatEips());
        var removed = state.Eips.Keys.Select(id => new RemovedResource(ResourceKind.Eip, id))
            .Concat(state.NetworkInterfaces.Keys.Select(id => new RemovedResource(ResourceKind.Eni, id)))
            .Concat(state.Instances.Keys.Select(id => new RemovedResource(ResourceKind.Instance, id)))
            .Concat(state.SecurityGroups.Keys.Select(id => new RemovedResource(ResourceKind.SecurityGroup, id)))
            .Concat(state.VSwitches.Keys.Select(id => new RemovedResource(ResourceKind.VSwitch, id)))
            .ToList();
        var before = HostPlan.For(state);
        state.Apply(Make.Partial(2, removed: removed));

        var after = HostPlan.For(state);
        var diff = HostDiff.Between(before, after);

        Assert.Equal(HostPlan.For(new DesiredState()).RenderTables(), after.RenderTables());
        Assert.Empty(after.Routers);
        Assert.All(after.Tables.Values.SelectMany(t => t.Sets.Values), s => Assert.Empty(s.Elements));
        Assert.Contains(diff.Operations, o => o is DeleteNamespace { Name: "eipnet-i-scale" });
        // The VPC's router goes, and its ENI links with it; only the transit link's gateway end is deleted by name.
        Assert.Contains(diff.Operations, o => o is DeleteNamespace { Name: "eipnet-vpc-1" });
        Assert.Equal("t1", Assert.Single(diff.Operations.OfType<DeleteEniLink>()).GatewayName);
    }

    [Fact]
    public void Diff_UsesThePrefix_ForEveryNamespace()
    {
        var options = HostPlanOptions.Default with { Prefix = "eipnet-test7-" };
        var state = new DesiredState();
        state.Apply(Make.Full(1, [], [Make.Eni("eni-p1", "i-1", ["10.0.0.5"], deviceIndex: 0)], [Make.Instance("i-1")]));

        var diff = HostDiff.Between(null, HostPlan.For(state, options), options);

        Assert.All(diff.Operations.OfType<CreateNamespace>(), o => Assert.StartsWith("eipnet-test7-", o.Name, StringComparison.Ordinal));
        Assert.Equal(["eipnet-test7-gw", "eipnet-test7-i-1", "eipnet-test7-parked", "eipnet-test7-vpc-1"], diff.Operations.OfType<CreateNamespace>().Select(o => o.Name));
    }
}
