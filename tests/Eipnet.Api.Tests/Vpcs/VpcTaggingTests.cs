using System.Text.Json;
using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Vpcs;

/// <summary>Tags and resource groups of VPCs and vSwitches: set at creation, changed by TagResources, UnTagResources and
/// MoveResourceGroup, listed by ListTagResources, and honoured by the Describe filters (issue 12).</summary>
public sealed class VpcTaggingTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private const string R = Fixtures.Region;

    private static (string, string)[] TagParams(params (string Key, string Value)[] tags) =>
        tags.SelectMany((t, i) => new[] { ($"Tag.{i + 1}.Key", t.Key), ($"Tag.{i + 1}.Value", t.Value) }).ToArray();

    private static Dictionary<string, string> TagsOf(JsonElement item) =>
        item.GetProperty("Tags").GetProperty("Tag").EnumerateArray().ToDictionary(t => t.GetProperty("Key").GetString()!, t => t.GetProperty("Value").GetString()!);

    private static async Task<JsonElement> VpcAsync(RpcTestClient c, string id) =>
        Fixtures.List((await c.Vpc("DescribeVpcs", ("RegionId", R), ("VpcId", id))).Success(), "Vpcs", "Vpc").Single();

    private static async Task<JsonElement> VSwitchAsync(RpcTestClient c, string id) =>
        Fixtures.List((await c.Vpc("DescribeVSwitches", ("RegionId", R), ("VSwitchId", id))).Success(), "VSwitches", "VSwitch").Single();

    private static async Task<string[]> VpcIdsAsync(RpcTestClient c, params (string, string)[] filters) =>
        Fixtures.List((await c.Vpc("DescribeVpcs", [("RegionId", R), ("PageSize", "50"), .. filters])).Success(), "Vpcs", "Vpc")
            .Select(v => v.GetProperty("VpcId").GetString()!).ToArray();

    private static async Task<string[]> VSwitchIdsAsync(RpcTestClient c, params (string, string)[] filters) =>
        Fixtures.List((await c.Vpc("DescribeVSwitches", [("RegionId", R), ("PageSize", "50"), .. filters])).Success(), "VSwitches", "VSwitch")
            .Select(v => v.GetProperty("VSwitchId").GetString()!).ToArray();

    [Fact]
    public async Task Create_StoresTagsAndGroup_AndDescribeShowsThem()
    {
        var c = await shared.NewClientAsync();
        var created = (await c.Vpc("CreateVpc", [("RegionId", R), ("CidrBlock", "10.0.0.0/16"), ("ResourceGroupId", "rg-acfmteam1"),
            .. TagParams(("env", "prod"), ("team", ""))])).Success();
        var vpcId = created.GetProperty("VpcId").GetString()!;
        Assert.Equal("rg-acfmteam1", created.GetProperty("ResourceGroupId").GetString());
        var vswId = (await c.Vpc("CreateVSwitch", [("RegionId", R), ("VpcId", vpcId), ("ZoneId", Fixtures.Zone), ("CidrBlock", "10.0.1.0/24"),
            .. TagParams(("tier", "web"))])).Success().GetProperty("VSwitchId").GetString()!;

        var vpc = await VpcAsync(c, vpcId);
        Assert.Equal(new Dictionary<string, string> { ["env"] = "prod", ["team"] = "" }, TagsOf(vpc));
        Assert.Equal("rg-acfmteam1", vpc.GetProperty("ResourceGroupId").GetString());
        var vsw = await VSwitchAsync(c, vswId);
        Assert.Equal(new Dictionary<string, string> { ["tier"] = "web" }, TagsOf(vsw));
        Assert.Equal("rg-acfmteam1", vsw.GetProperty("ResourceGroupId").GetString());
    }

    [Fact]
    public async Task Create_WithoutGroupOrTags_ShowsThemEmpty()
    {
        var c = await shared.NewClientAsync();
        var vpcId = await Fixtures.VpcAsync(c);
        var vpc = await VpcAsync(c, vpcId);
        Assert.Equal("", vpc.GetProperty("ResourceGroupId").GetString());
        Assert.Empty(TagsOf(vpc));
    }

    [Fact]
    public async Task TagAndUntag_ChangeTags_AndListTagResourcesShowsThem()
    {
        var c = await shared.NewClientAsync();
        var vpcId = await Fixtures.VpcAsync(c);
        var vswId = await Fixtures.VSwitchAsync(c, vpcId);
        (await c.Vpc("TagResources", [("RegionId", R), ("ResourceType", "VPC"), ("ResourceId.1", vpcId), .. TagParams(("a", "1"), ("b", "2"))])).Success();
        (await c.Vpc("TagResources", [("RegionId", R), ("ResourceType", "vswitch"), ("ResourceId.1", vswId), .. TagParams(("a", "9"))])).Success();
        // An existing key gets the new value in place; a new key is added.
        (await c.Vpc("TagResources", [("RegionId", R), ("ResourceType", "VPC"), ("ResourceId.1", vpcId), .. TagParams(("a", "3"), ("c", ""))])).Success();
        Assert.Equal(new Dictionary<string, string> { ["a"] = "3", ["b"] = "2", ["c"] = "" }, TagsOf(await VpcAsync(c, vpcId)));

        (await c.Vpc("UnTagResources", ("RegionId", R), ("ResourceType", "VPC"), ("ResourceId.1", vpcId), ("TagKey.1", "b"), ("TagKey.2", "absent"))).Success();
        Assert.Equal(new Dictionary<string, string> { ["a"] = "3", ["c"] = "" }, TagsOf(await VpcAsync(c, vpcId)));

        var byId = (await c.Vpc("ListTagResources", ("RegionId", R), ("ResourceType", "VPC"), ("ResourceId.1", vpcId))).Success();
        Assert.Equal(["a=3", "c="], Rows(byId).Select(r => $"{r.TagKey}={r.TagValue}"));
        Assert.All(Rows(byId), r => Assert.Equal((vpcId, "VPC"), (r.ResourceId, r.ResourceType)));
        Assert.Equal("", byId.GetProperty("NextToken").GetString());
        var byTag = (await c.Vpc("ListTagResources", [("RegionId", R), ("ResourceType", "VSWITCH"), .. TagParams(("a", ""))])).Success();
        Assert.Equal([(vswId, "VSWITCH", "a", "9")], Rows(byTag));

        (await c.Vpc("UnTagResources", ("RegionId", R), ("ResourceType", "VPC"), ("ResourceId.1", vpcId), ("All", "true"))).Success();
        Assert.Empty(TagsOf(await VpcAsync(c, vpcId)));
    }

    [Fact]
    public async Task ListTagResources_PagesWithNextToken()
    {
        var c = await shared.NewClientAsync();
        var vpcId = await Fixtures.VpcAsync(c);
        (await c.Vpc("TagResources", [("RegionId", R), ("ResourceType", "VPC"), ("ResourceId.1", vpcId), .. TagParams(("a", "1"), ("b", "2"), ("c", "3"))])).Success();
        var first = (await c.Vpc("ListTagResources", ("RegionId", R), ("ResourceType", "VPC"), ("ResourceId.1", vpcId), ("MaxResults", "2"))).Success();
        var token = first.GetProperty("NextToken").GetString()!;
        Assert.NotEqual("", token);
        var second = (await c.Vpc("ListTagResources", ("RegionId", R), ("ResourceType", "VPC"), ("ResourceId.1", vpcId), ("MaxResults", "2"), ("NextToken", token))).Success();
        Assert.Equal(["a", "b", "c"], Rows(first).Concat(Rows(second)).Select(r => r.TagKey));
        Assert.Equal("", second.GetProperty("NextToken").GetString());
    }

    [Fact]
    public async Task DescribeFilters_ByTagAndGroup_Filter_WithTotalCount()
    {
        var c = await shared.NewClientAsync();
        var prod = (await c.Vpc("CreateVpc", [("RegionId", R), ("CidrBlock", "10.1.0.0/16"), ("ResourceGroupId", "rg-prod"), .. TagParams(("env", "prod"))]))
            .Success().GetProperty("VpcId").GetString()!;
        var dev = (await c.Vpc("CreateVpc", [("RegionId", R), ("CidrBlock", "10.2.0.0/16"), .. TagParams(("env", "dev"), ("team", "x"))]))
            .Success().GetProperty("VpcId").GetString()!;
        var plain = await Fixtures.VpcAsync(c, "10.3.0.0/16");
        var prodVsw = (await c.Vpc("CreateVSwitch", [("RegionId", R), ("VpcId", prod), ("ZoneId", Fixtures.Zone), ("CidrBlock", "10.1.1.0/24"), .. TagParams(("env", "prod"))]))
            .Success().GetProperty("VSwitchId").GetString()!;
        var devVsw = await Fixtures.VSwitchAsync(c, dev, "10.2.1.0/24");

        Assert.Equal([prod], await VpcIdsAsync(c, TagParams(("env", "prod"))));
        Assert.Equal([prod, dev], await VpcIdsAsync(c, TagParams(("env", ""))));
        Assert.Equal([dev], await VpcIdsAsync(c, TagParams(("env", ""), ("team", "x"))));
        Assert.Empty(await VpcIdsAsync(c, TagParams(("env", "qa"))));
        Assert.Equal([prod], await VpcIdsAsync(c, ("ResourceGroupId", "rg-prod")));
        Assert.Equal([prod, dev, plain], await VpcIdsAsync(c));
        var page = (await c.Vpc("DescribeVpcs", [("RegionId", R), ("PageSize", "1"), ("PageNumber", "2"), .. TagParams(("env", ""))])).Success();
        Assert.Equal(2, page.GetProperty("TotalCount").GetInt32());
        Assert.Equal(dev, Fixtures.List(page, "Vpcs", "Vpc").Single().GetProperty("VpcId").GetString());

        Assert.Equal([prodVsw], await VSwitchIdsAsync(c, TagParams(("env", "prod"))));
        Assert.Equal([prodVsw], await VSwitchIdsAsync(c, ("ResourceGroupId", "rg-prod")));
        Assert.Equal([prodVsw, devVsw], await VSwitchIdsAsync(c));
    }

    [Fact]
    public async Task MoveResourceGroup_MovesTheVpcWithItsVSwitches()
    {
        var c = await shared.NewClientAsync();
        var vpcId = await Fixtures.VpcAsync(c);
        var vswId = await Fixtures.VSwitchAsync(c, vpcId);
        (await c.Vpc("MoveResourceGroup", ("RegionId", R), ("ResourceId", vpcId), ("ResourceType", "VPC"), ("NewResourceGroupId", "rg-moved"))).Success();
        Assert.Equal("rg-moved", (await VpcAsync(c, vpcId)).GetProperty("ResourceGroupId").GetString());
        Assert.Equal("rg-moved", (await VSwitchAsync(c, vswId)).GetProperty("ResourceGroupId").GetString());
        Assert.Equal([vswId], await VSwitchIdsAsync(c, ("ResourceGroupId", "rg-moved")));
    }

    [Fact]
    public async Task MoveResourceGroup_RefusesWhatItCannotMove()
    {
        var c = await shared.NewClientAsync();
        var vpcId = await Fixtures.VpcAsync(c);
        var vswId = await Fixtures.VSwitchAsync(c, vpcId);
        var other = await shared.NewClientAsync();
        (await c.Vpc("MoveResourceGroup", ("RegionId", R), ("ResourceId", vswId), ("ResourceType", "VSWITCH"), ("NewResourceGroupId", "rg-x"))).Error("IllegalParam.ResourceType", 400);
        (await c.Vpc("MoveResourceGroup", ("RegionId", R), ("ResourceId", vpcId), ("ResourceType", "VPC"), ("NewResourceGroupId", "team-a"))).Error("InvalidResourceGroupId", 400);
        (await other.Vpc("MoveResourceGroup", ("RegionId", R), ("ResourceId", vpcId), ("ResourceType", "VPC"), ("NewResourceGroupId", "rg-x"))).Error("InvalidResourceId.NotFound", 400);
        (await c.Vpc("MoveResourceGroup", ("RegionId", "cn-shanghai"), ("ResourceId", vpcId), ("ResourceType", "VPC"), ("NewResourceGroupId", "rg-x"))).Error("InvalidResourceId.NotFound", 400);
        Assert.Equal("", (await VpcAsync(c, vpcId)).GetProperty("ResourceGroupId").GetString());
    }

    [Fact]
    public async Task TagResources_IsAllOrNothing_AndRefusesBadInput()
    {
        var c = await shared.NewClientAsync();
        var vpcId = await Fixtures.VpcAsync(c);
        var other = await shared.NewClientAsync();
        var strangers = await Fixtures.VpcAsync(other);
        (await c.Vpc("TagResources", [("RegionId", R), ("ResourceType", "VPC"), ("ResourceId.1", vpcId), ("ResourceId.2", strangers), .. TagParams(("a", "1"))]))
            .Error("InvalidInstanceIds.NotFound", 400);
        Assert.Empty(TagsOf(await VpcAsync(c, vpcId)));
        Assert.Empty(TagsOf(await VpcAsync(other, strangers)));

        var twenty = Enumerable.Range(1, 20).Select(i => ($"k{i}", "v")).ToArray();
        (await c.Vpc("TagResources", [("RegionId", R), ("ResourceType", "VPC"), ("ResourceId.1", vpcId), .. TagParams(twenty)])).Success();
        (await c.Vpc("TagResources", [("RegionId", R), ("ResourceType", "VPC"), ("ResourceId.1", vpcId), .. TagParams(("k21", "v"))])).Error("QuotaExceeded.TagNum", 400);
        (await c.Vpc("TagResources", [("RegionId", R), ("ResourceType", "VPC"), ("ResourceId.1", vpcId), .. TagParams([.. twenty, ("k21", "v")])])).Error("SizeLimitExceeded.TagNum", 400);
        (await c.Vpc("TagResources", [("RegionId", R), ("ResourceType", "ROUTETABLE"), ("ResourceId.1", vpcId), .. TagParams(("a", "1"))])).Error("InvalidInstanceType.NotFound", 400);
        (await c.Vpc("TagResources", [("RegionId", R), ("ResourceType", "VPC"), ("ResourceId.1", vpcId), .. TagParams(("acs:x", "1"))])).Error("InvalidTagKey.Malformed", 400);
        (await c.Vpc("TagResources", ("RegionId", R), ("ResourceType", "VPC"), ("ResourceId.1", vpcId))).Error("MissingParameter", 400);
        (await c.Vpc("UnTagResources", ("RegionId", R), ("ResourceType", "VPC"), ("ResourceId.1", vpcId))).Error("MissingParameter", 400);
        (await c.Vpc("ListTagResources", ("RegionId", R), ("ResourceType", "VPC"))).Error("MissingParameter", 400);
        (await c.Vpc("CreateVpc", ("RegionId", R), ("ResourceGroupId", "default"))).Error("InvalidResourceGroupId", 400);
        Assert.Equal(20, TagsOf(await VpcAsync(c, vpcId)).Count);
    }

    private static List<(string ResourceId, string ResourceType, string TagKey, string TagValue)> Rows(JsonElement body) =>
        Fixtures.List(body, "TagResources", "TagResource").Select(r => (r.GetProperty("ResourceId").GetString()!, r.GetProperty("ResourceType").GetString()!,
            r.GetProperty("TagKey").GetString()!, r.GetProperty("TagValue").GetString()!)).ToList();

    [Fact]
    public async Task TagResources_TagsEips_AndDescribeEipAddressesAndListTagResourcesFindThemByTag()
    {
        var c = await shared.NewClientAsync();
        var (tagged, _) = await Fixtures.EipAsync(c);
        var (plain, _) = await Fixtures.EipAsync(c);
        (await c.Vpc("TagResources", [("RegionId", R), ("ResourceType", "eip"), ("ResourceId.1", tagged), .. TagParams(("env", "prod"), ("team", "net"))])).Success();
        (await c.Vpc("UnTagResources", ("RegionId", R), ("ResourceType", "EIP"), ("ResourceId.1", tagged), ("TagKey.1", "team"))).Success();

        var found = Fixtures.List((await c.Vpc("DescribeEipAddresses", [("RegionId", R), .. TagParams(("env", "prod"))])).Success(), "EipAddresses", "EipAddress");
        Assert.Equal([tagged], found.Select(e => e.GetProperty("AllocationId").GetString()));
        Assert.Equal(new Dictionary<string, string> { ["env"] = "prod" }, TagsOf(found[0]));
        var listed = (await c.Vpc("ListTagResources", [("RegionId", R), ("ResourceType", "EIP"), .. TagParams(("env", ""))])).Success();
        Assert.Equal([(tagged, "EIP", "env", "prod")], Rows(listed));
        Assert.Empty(Rows((await c.Vpc("ListTagResources", ("RegionId", R), ("ResourceType", "EIP"), ("ResourceId.1", plain))).Success()));
    }
}
