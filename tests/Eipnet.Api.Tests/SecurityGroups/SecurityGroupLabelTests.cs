using Eipnet.Api.Tests.Infrastructure;
using static Eipnet.Api.Tests.SecurityGroups.SecurityGroupTestData;

namespace Eipnet.Api.Tests.SecurityGroups;

/// <summary>Tags and resource groups of security groups through the ECS API (issue 12): CreateSecurityGroup, TagResources,
/// UntagResources, ListTagResources, DescribeTags, JoinResourceGroup, and DescribeSecurityGroups filtering by them.</summary>
public sealed class SecurityGroupLabelTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private static async Task<string[]> IdsAsync(RpcTestClient c, params (string, string)[] filters) =>
        Fixtures.List((await c.Ecs("DescribeSecurityGroups", [("RegionId", Region), .. filters])).Success(), "SecurityGroups", "SecurityGroup")
            .Select(g => g.GetProperty("SecurityGroupId").GetString()!).ToArray();

    private static Task<RpcResult> Tag(RpcTestClient c, string id, params (string Key, string Value)[] tags) =>
        c.Ecs("TagResources", [("RegionId", Region), ("ResourceType", "securitygroup"), ("ResourceId.1", id),
            .. tags.SelectMany((t, i) => new[] { ($"Tag.{i + 1}.Key", t.Key), ($"Tag.{i + 1}.Value", t.Value) })]);

    [Fact]
    public async Task Groups_CarryTagsAndResourceGroups_ThatDescribeFiltersBy()
    {
        var c = await shared.Server.NewClientAsync();
        var net = await NetworkAsync(c);
        var web = (await c.Ecs("CreateSecurityGroup", ("RegionId", Region), ("VpcId", net.VpcId), ("ResourceGroupId", "rg-acfmweb"),
            ("Tag.1.Key", "tier"), ("Tag.1.Value", "web"))).Success().GetProperty("SecurityGroupId").GetString()!;
        var db = await GroupAsync(c, net);
        var plain = await GroupAsync(c, net);
        (await Tag(c, db, ("tier", "db"), ("env", "prod"))).Success();

        Assert.Equal([web], await IdsAsync(c, ("Tag.1.Key", "tier"), ("Tag.1.Value", "web")));
        Assert.Equal([web, db], await IdsAsync(c, ("Tag.1.Key", "tier")));
        Assert.Equal([db], await IdsAsync(c, ("Tag.1.Key", "tier"), ("Tag.2.Key", "env"), ("Tag.2.Value", "prod")));
        Assert.Equal([web], await IdsAsync(c, ("ResourceGroupId", "rg-acfmweb")));
        var shown = Fixtures.List((await c.Ecs("DescribeSecurityGroups", ("RegionId", Region), ("SecurityGroupId", db))).Success(), "SecurityGroups", "SecurityGroup")[0];
        Assert.Equal([("tier", "db"), ("env", "prod")], Fixtures.List(shown, "Tags", "Tag")
            .Select(t => (t.GetProperty("TagKey").GetString()!, t.GetProperty("TagValue").GetString()!)));
        Assert.Equal("", shown.GetProperty("ResourceGroupId").GetString());

        (await c.Ecs("JoinResourceGroup", ("RegionId", Region), ("ResourceType", "securitygroup"), ("ResourceId", plain), ("ResourceGroupId", "rg-acfmweb"))).Success();
        Assert.Equal([web, plain], await IdsAsync(c, ("ResourceGroupId", "rg-acfmweb")));

        (await c.Ecs("UntagResources", ("RegionId", Region), ("ResourceType", "securitygroup"), ("ResourceId.1", db), ("TagKey.1", "tier"))).Success();
        Assert.Equal([web], await IdsAsync(c, ("Tag.1.Key", "tier")));

        var listed = Fixtures.List((await c.Ecs("ListTagResources", ("RegionId", Region), ("ResourceType", "securitygroup"), ("ResourceId.1", db)))
            .Success(), "TagResources", "TagResource");
        Assert.Equal([(db, "env", "prod")], listed.Select(t => (t.GetProperty("ResourceId").GetString()!, t.GetProperty("TagKey").GetString()!,
            t.GetProperty("TagValue").GetString()!)));
    }

    [Fact]
    public async Task DescribeTags_CountsEachTagOverTheCallersResources()
    {
        var c = await shared.Server.NewClientAsync();
        var net = await NetworkAsync(c);
        var a = await GroupAsync(c, net);
        var b = await GroupAsync(c, net);
        (await Tag(c, a, ("env", "prod"), ("team", "net"))).Success();
        (await Tag(c, b, ("env", "prod"))).Success();

        async Task<(string, string, int)[]> Tags(params (string, string)[] p) =>
            Fixtures.List((await c.Ecs("DescribeTags", [("RegionId", Region), .. p])).Success(), "Tags", "Tag")
                .Select(t => (t.GetProperty("TagKey").GetString()!, t.GetProperty("TagValue").GetString()!,
                    t.GetProperty("ResourceTypeCount").GetProperty("Securitygroup").GetInt32())).ToArray();
        Assert.Equal([("env", "prod", 2), ("team", "net", 1)], await Tags());
        Assert.Equal([("env", "prod", 1), ("team", "net", 1)], await Tags(("ResourceType", "securitygroup"), ("ResourceId", a)));
        Assert.Equal([("team", "net", 1)], await Tags(("Tag.1.Key", "team")));
        Assert.Empty(await Tags(("ResourceType", "image"), ("ResourceId", "ubuntu_22_04_x64")));
        Assert.Empty(await Tags(("Category", "System")));
        (await c.Ecs("DescribeTags", ("RegionId", Region), ("ResourceType", "bucket"))).Error("InvalidInstanceType.NotFound", 400);
        (await c.Ecs("DescribeTags", ("RegionId", Region), ("ResourceId", a))).Error("MissingParameter", 400);
    }

    [Fact]
    public async Task EcsTagActions_RefuseWhatTheyCannotDo_WithoutChangingAnything()
    {
        var c = await shared.Server.NewClientAsync();
        var other = await shared.Server.NewClientAsync();
        var net = await NetworkAsync(c);
        var id = await GroupAsync(c, net);
        (await Tag(other, id, ("env", "prod"))).Error("InvalidInstanceIds.NotFound", 400);
        (await c.Ecs("TagResources", ("RegionId", Region), ("ResourceType", "bucket"), ("ResourceId.1", id), ("Tag.1.Key", "a"))).Error("InvalidInstanceType.NotFound", 400);
        (await c.Ecs("ListTagResources", ("RegionId", Region), ("ResourceType", "securitygroup"), ("ResourceId.1", id),
            ("TagFilter.1.TagKey", "env"))).Error("InvalidParameter", 400);
        (await c.Ecs("JoinResourceGroup", ("RegionId", Region), ("ResourceType", "securitygroup"), ("ResourceId", id), ("ResourceGroupId", "nope")))
            .Error("InvalidResourceGroupId", 400);
        (await other.Ecs("JoinResourceGroup", ("RegionId", Region), ("ResourceType", "securitygroup"), ("ResourceId", id), ("ResourceGroupId", "rg-acfmx")))
            .Error("InvalidResourceId.NotFound", 400);
        var shown = Fixtures.List((await c.Ecs("DescribeSecurityGroups", ("RegionId", Region))).Success(), "SecurityGroups", "SecurityGroup")[0];
        Assert.Equal(("", 0), (shown.GetProperty("ResourceGroupId").GetString(), Fixtures.List(shown, "Tags", "Tag").Length));
    }
}
