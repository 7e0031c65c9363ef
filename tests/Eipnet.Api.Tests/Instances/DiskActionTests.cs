using Eipnet.Api.Rpc;
using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Instances;

/// <summary>The system disk's own actions (ResizeDisk, ModifyDiskAttribute, ModifyDiskSpec), its tags (ECS tag actions with
/// ResourceType disk), and the actions for features Eipnet does not have (issue 12).</summary>
public sealed class DiskActionTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private const string Region = Fixtures.Region;

    private async Task<(RpcTestClient Client, string InstanceId, string DiskId)> SetUpAsync()
    {
        var client = await shared.NewClientAsync();
        var id = await Fixtures.InstanceAsync(client, await Fixtures.NetworkAsync(shared.Server, client));
        return (client, id, "d-" + id[2..]);
    }

    private static async Task<System.Text.Json.JsonElement> DiskAsync(RpcTestClient c, string instanceId) =>
        Fixtures.List((await c.Ecs("DescribeDisks", ("RegionId", Region), ("InstanceId", instanceId))).Success(), "Disks", "Disk").Single();

    [Fact]
    public async Task DiskActions_ChangeTheSystemDisk_AsDescribeDisksShowsIt()
    {
        var (c, id, disk) = await SetUpAsync();

        (await c.Ecs("ResizeDisk", ("DiskId", disk), ("NewSize", "100"), ("Type", "online"))).Success();
        (await c.Ecs("ModifyDiskAttribute", ("DiskId", disk), ("DiskName", "root"), ("Description", "the root disk"))).Success();
        (await c.Ecs("ModifyDiskSpec", ("DiskId", disk), ("PerformanceLevel", "PL2"))).Success();

        var shown = await DiskAsync(c, id);
        Assert.Equal((100, "root", "the root disk", "cloud_essd", "PL2"), (shown.GetProperty("Size").GetInt32(), shown.GetProperty("DiskName").GetString(),
            shown.GetProperty("Description").GetString(), shown.GetProperty("Category").GetString(), shown.GetProperty("PerformanceLevel").GetString()));
        (await c.Ecs("ModifyDiskAttribute", ("DiskIds.1", disk), ("Description", ""))).Success();
        Assert.Equal("", (await DiskAsync(c, id)).GetProperty("Description").GetString());
        (await c.Ecs("ModifyDiskSpec", ("DiskId", disk), ("DiskCategory", "cloud_ssd"))).Success();
        Assert.Equal(("cloud_ssd", ""), ((await DiskAsync(c, id)).GetProperty("Category").GetString(), (await DiskAsync(c, id)).GetProperty("PerformanceLevel").GetString()));
    }

    [Fact]
    public async Task DiskActions_RefuseWithAlibabasCodes_AndChangeNothing()
    {
        var (c, id, disk) = await SetUpAsync();
        var before = (await DiskAsync(c, id)).GetRawText();

        (await c.Ecs("ResizeDisk", ("DiskId", disk), ("NewSize", "40"))).Error("InvalidDiskSize.TooSmall", 400);
        (await c.Ecs("ResizeDisk", ("DiskId", disk), ("NewSize", "4096"))).Error("InvalidParameter", 400);
        (await c.Ecs("ResizeDisk", ("DiskId", "d-0000000000000000000x"), ("NewSize", "100"))).Error("InvalidDiskId.NotFound", 404);
        (await c.Ecs("ModifyDiskAttribute", ("DiskId", disk), ("DeleteWithInstance", "false"))).Error("InvalidParameter", 400);
        (await c.Ecs("ModifyDiskSpec", ("DiskId", disk), ("DiskCategory", "cloud_ssd"), ("PerformanceLevel", "PL1"))).Error("InvalidDiskCategory.ValueNotSupported", 400);
        (await c.Ecs("ModifyDiskSpec", ("DiskId", disk), ("PerformanceLevel", "PL1"), ("DryRun", "true"))).Error("DryRunOperation", 400);
        var other = await shared.NewClientAsync();
        (await other.Ecs("ResizeDisk", ("DiskId", disk), ("NewSize", "100"))).Error("InvalidDiskId.NotFound", 404);

        Assert.Equal(before, (await DiskAsync(c, id)).GetRawText());
    }

    [Fact]
    public async Task DiskActions_Refused_WhileTheInstanceIsInTransition()
    {
        var (c, id, disk) = await SetUpAsync();
        await Fixtures.PinInstanceStatusAsync(shared.Server, id, Domain.Resources.InstanceStatus.Stopping);

        (await c.Ecs("ResizeDisk", ("DiskId", disk), ("NewSize", "100"))).Error("IncorrectInstanceStatus", 403);
        (await c.Ecs("TagResources", ("RegionId", Region), ("ResourceType", "disk"), ("ResourceId.1", disk), ("Tag.1.Key", "a"))).Error("IncorrectInstanceStatus", 403);
    }

    [Fact]
    public async Task Disks_TakeTagsOfTheirOwn_ThroughTheEcsTagActions()
    {
        var (c, id, disk) = await SetUpAsync();

        (await c.Ecs("TagResources", ("RegionId", Region), ("ResourceType", "disk"), ("ResourceId.1", disk), ("Tag.1.Key", "team"), ("Tag.1.Value", "db"))).Success();

        Assert.Equal([("team", "db")], Fixtures.List(await DiskAsync(c, id), "Tags", "Tag").Select(t => (t.GetProperty("TagKey").GetString(), t.GetProperty("TagValue").GetString())));
        Assert.Empty(Fixtures.List((await Fixtures.DescribeInstanceAsync(c, id))!.Value, "Tags", "Tag"));
        var byId = Fixtures.List((await c.Ecs("ListTagResources", ("RegionId", Region), ("ResourceType", "disk"), ("ResourceId.1", disk))).Success(), "TagResources", "TagResource");
        Assert.Equal([(disk, "disk", "team")], byId.Select(t => (t.GetProperty("ResourceId").GetString(), t.GetProperty("ResourceType").GetString(), t.GetProperty("TagKey").GetString())));
        var byTag = Fixtures.List((await c.Ecs("ListTagResources", ("RegionId", Region), ("ResourceType", "disk"), ("Tag.1.Key", "team"))).Success(), "TagResources", "TagResource");
        Assert.Equal([disk], byTag.Select(t => t.GetProperty("ResourceId").GetString()));
        var counted = Fixtures.List((await c.Ecs("DescribeTags", ("RegionId", Region), ("ResourceType", "disk"))).Success(), "Tags", "Tag").Single();
        Assert.Equal(1, counted.GetProperty("ResourceTypeCount").GetProperty("Disk").GetInt32());
        (await c.Ecs("TagResources", ("RegionId", Region), ("ResourceType", "disk"), ("ResourceId.1", "d-0000000000000000000x"), ("Tag.1.Key", "a")))
            .Error("InvalidInstanceIds.NotFound", 400);
        (await c.Ecs("JoinResourceGroup", ("RegionId", Region), ("ResourceType", "disk"), ("ResourceId", disk), ("ResourceGroupId", "rg-acfmx"))).Error("InvalidResourceType.NotSupported");

        (await c.Ecs("UntagResources", ("RegionId", Region), ("ResourceType", "disk"), ("ResourceId.1", disk), ("TagKey.1", "team"))).Success();
        Assert.Empty(Fixtures.List(await DiskAsync(c, id), "Tags", "Tag"));
    }

    public static TheoryData<string, string, string> Unsupported
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var (product, action, feature) in UnsupportedActions.All)
                data.Add(product == Products.Vpc ? RpcTestClient.VpcVersion : RpcTestClient.EcsVersion, action, feature);
            return data;
        }
    }

    [Theory, MemberData(nameof(Unsupported))]
    public async Task UnsupportedFeature_IsRefused_WithItsOwnCode(string version, string action, string feature)
    {
        var c = await shared.NewClientAsync();

        var r = await c.CallAsync(version, action, [("RegionId", Region), ("InstanceId", "i-0000000000000000000x")]);

        r.Error($"OperationUnsupported.{feature}", 400);
        Assert.Contains("Eipnet", r.Body.GetProperty("Message").GetString(), StringComparison.Ordinal);
    }
}
