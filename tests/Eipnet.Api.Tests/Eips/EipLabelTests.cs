using Eipnet.Api.Tests.Infrastructure;
using Eipnet.Domain.Resources;
using Eipnet.Store;

namespace Eipnet.Api.Tests.Eips;

/// <summary>An EIP's resource group and tags: set at allocation, changed by MoveResourceGroup and the tag actions only
/// while the EIP is settled, and honoured by DescribeEipAddresses (issue 12).</summary>
public sealed class EipLabelTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private const string R = Fixtures.Region;

    private async Task<string[]> EipIdsAsync(RpcTestClient c, params (string, string)[] filters) =>
        Fixtures.List((await c.Vpc("DescribeEipAddresses", [("RegionId", R), .. filters])).Success(), "EipAddresses", "EipAddress")
            .Select(e => e.GetProperty("AllocationId").GetString()!).ToArray();

    [Fact]
    public async Task ResourceGroup_IsSetAtAllocation_MovedByMoveResourceGroup_AndFiltersDescribe()
    {
        var c = await shared.NewClientAsync();
        var allocated = (await c.Vpc("AllocateEipAddress", ("RegionId", R), ("ResourceGroupId", "rg-acfmeip1"))).Success();
        Assert.Equal("rg-acfmeip1", allocated.GetProperty("ResourceGroupId").GetString());
        var grouped = allocated.GetProperty("AllocationId").GetString()!;
        var (plain, _) = await Fixtures.EipAsync(c);
        Assert.Equal("", (await Fixtures.DescribeEipAsync(c, plain))!.Value.GetProperty("ResourceGroupId").GetString());

        Assert.Equal([grouped], await EipIdsAsync(c, ("ResourceGroupId", "rg-acfmeip1")));
        (await c.Vpc("MoveResourceGroup", ("RegionId", R), ("ResourceType", "Eip"), ("ResourceId", plain), ("NewResourceGroupId", "rg-acfmeip1"))).Success();
        Assert.Equal([grouped, plain], await EipIdsAsync(c, ("ResourceGroupId", "rg-acfmeip1")));
        Assert.Empty(await EipIdsAsync(c, ("ResourceGroupId", "rg-acfmeip2")));
        (await c.Vpc("AllocateEipAddress", ("RegionId", R), ("ResourceGroupId", "RG-1"))).Error("InvalidResourceGroupId", 400);
    }

    [Fact]
    public async Task Labels_DoNotChange_WhileTheEipIsTransitional()
    {
        var c = await shared.NewClientAsync();
        var (id, _) = await Fixtures.EipAsync(c);
        // Pinned in Associating: the revision lies beyond anything the reconciler applies, so it never completes.
        await shared.Server.Server.Store.WriteAsync(WriteScope.None, async s =>
        {
            var eip = (await s.GetAsync<Eip>(id))!;
            await s.PutAsync(eip with { Status = EipStatus.Associating, Revision = long.MaxValue }, forDataPlane: false);
            return 0;
        }, CancellationToken.None);
        (await c.Vpc("TagResources", ("RegionId", R), ("ResourceType", "EIP"), ("ResourceId.1", id), ("Tag.1.Key", "a"), ("Tag.1.Value", "1")))
            .Error("IncorrectEipStatus", 400);
        (await c.Vpc("MoveResourceGroup", ("RegionId", R), ("ResourceType", "EIP"), ("ResourceId", id), ("NewResourceGroupId", "rg-x"))).Error("IncorrectEipStatus", 400);
        var eip = (await Fixtures.DescribeEipAsync(c, id))!.Value;
        Assert.Equal("", eip.GetProperty("ResourceGroupId").GetString());
        Assert.Equal(0, eip.GetProperty("Tags").GetProperty("Tag").GetArrayLength());
    }
}
