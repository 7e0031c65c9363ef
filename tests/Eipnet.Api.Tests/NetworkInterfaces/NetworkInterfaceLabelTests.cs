using Eipnet.Api.Tests.Infrastructure;
using Eipnet.Domain.Resources;

namespace Eipnet.Api.Tests.NetworkInterfaces;

/// <summary>Tags, resource groups and SourceDestCheck of ENIs (issue 12): set at creation, changed through the ECS tag
/// actions, and real DescribeNetworkInterfaces filters.</summary>
public sealed class NetworkInterfaceLabelTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private const string Region = Fixtures.Region;

    private static async Task<string[]> IdsAsync(RpcTestClient c, params (string, string)[] filters) =>
        Fixtures.List((await c.Ecs("DescribeNetworkInterfaces", [("RegionId", Region), ("Type", "Secondary"), .. filters])).Success(),
            "NetworkInterfaceSets", "NetworkInterfaceSet").Select(n => n.GetProperty("NetworkInterfaceId").GetString()!).ToArray();

    [Fact]
    public async Task Enis_CarryTagsAndResourceGroups_ThatDescribeFiltersBy()
    {
        var c = await shared.Server.NewClientAsync();
        var net = await Fixtures.NetworkAsync(shared.Server, c);
        var web = (await c.Ecs("CreateNetworkInterface", ("RegionId", Region), ("VSwitchId", net.VSwitchId), ("SecurityGroupId", net.SecurityGroupId),
            ("Tag.1.Key", "tier"), ("Tag.1.Value", "web"), ("ResourceGroupId", "rg-acfmweb"), ("SourceDestCheck", "true"))).Success();
        var webId = web.GetProperty("NetworkInterfaceId").GetString()!;
        Assert.Equal(("rg-acfmweb", true), (web.GetProperty("ResourceGroupId").GetString(), web.GetProperty("SourceDestCheck").GetBoolean()));
        var db = await Fixtures.EniAsync(c, net);
        (await c.Ecs("TagResources", ("RegionId", Region), ("ResourceType", "eni"), ("ResourceId.1", db), ("Tag.1.Key", "tier"), ("Tag.1.Value", "db"))).Success();

        Assert.Equal([webId], await IdsAsync(c, ("Tag.1.Key", "tier"), ("Tag.1.Value", "web")));
        Assert.Equal([webId, db], await IdsAsync(c, ("Tag.1.Key", "tier")));
        Assert.Equal([webId], await IdsAsync(c, ("ResourceGroupId", "rg-acfmweb")));
        Assert.Empty(await IdsAsync(c, ("Tag.1.Key", "nothing")));

        var shown = (await Fixtures.DescribeEniAsync(c, db))!.Value;
        Assert.Equal(("", false), (shown.GetProperty("ResourceGroupId").GetString(), shown.GetProperty("SourceDestCheck").GetBoolean()));
        Assert.Equal([("tier", "db")], Fixtures.List(shown, "Tags", "Tag").Select(t => (t.GetProperty("TagKey").GetString()!, t.GetProperty("TagValue").GetString()!)));

        var listed = Fixtures.List((await c.Ecs("ListTagResources", ("RegionId", Region), ("ResourceType", "eni"), ("ResourceId.1", db))).Success(),
            "TagResources", "TagResource");
        Assert.Equal([(db, "eni", "tier", "db")], listed.Select(t => (t.GetProperty("ResourceId").GetString()!, t.GetProperty("ResourceType").GetString()!,
            t.GetProperty("TagKey").GetString()!, t.GetProperty("TagValue").GetString()!)));
        (await c.Ecs("UntagResources", ("RegionId", Region), ("ResourceType", "eni"), ("ResourceId.1", db), ("All", "true"))).Success();
        Assert.Equal([webId], await IdsAsync(c, ("Tag.1.Key", "tier")));
        // An ENI's group is fixed at creation (Terraform's resource_group_id is ForceNew).
        (await c.Ecs("JoinResourceGroup", ("RegionId", Region), ("ResourceType", "eni"), ("ResourceId", db), ("ResourceGroupId", "rg-acfmweb")))
            .Error("InvalidResourceType.NotSupported", 400);
    }

    [Fact]
    public async Task EniTags_DoNotChange_WhileTheEniIsAttachingOrDetaching()
    {
        var c = await shared.Server.NewClientAsync();
        var net = await Fixtures.NetworkAsync(shared.Server, c);
        var eni = await Fixtures.EniAsync(c, net);
        await Fixtures.PinEniStatusAsync(shared.Server, eni, EniStatus.Attaching);
        (await c.Ecs("TagResources", ("RegionId", Region), ("ResourceType", "eni"), ("ResourceId.1", eni), ("Tag.1.Key", "a"))).Error("InvalidOperation.InvalidEniState", 400);
        Assert.Empty(Fixtures.List((await Fixtures.DescribeEniAsync(c, eni))!.Value, "Tags", "Tag"));
    }

    [Fact]
    public async Task ModifyAttribute_ClearsDescriptionSentEmpty_AndKeepsSourceDestCheck()
    {
        var c = await shared.Server.NewClientAsync();
        var net = await Fixtures.NetworkAsync(shared.Server, c);
        var eni = await Fixtures.EniAsync(c, net);
        (await c.Ecs("ModifyNetworkInterfaceAttribute", ("RegionId", Region), ("NetworkInterfaceId", eni), ("Description", "front"), ("SourceDestCheck", "true"))).Success();
        (await c.Ecs("ModifyNetworkInterfaceAttribute", ("RegionId", Region), ("NetworkInterfaceId", eni), ("Description", ""))).Success();
        var shown = (await Fixtures.DescribeEniAsync(c, eni))!.Value;
        Assert.Equal(("", true), (shown.GetProperty("Description").GetString(), shown.GetProperty("SourceDestCheck").GetBoolean()));
        (await c.Ecs("ModifyNetworkInterfaceAttribute", ("RegionId", Region), ("NetworkInterfaceId", eni), ("QueueNumber", "8"))).Error("InvalidParameter", 400);
    }
}
