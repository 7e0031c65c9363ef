using System.Text.Json;
using Eipnet.Api.Tests.Infrastructure;
using static Eipnet.Api.Tests.SecurityGroups.SecurityGroupTestData;

namespace Eipnet.Api.Tests.SecurityGroups;

public sealed class SecurityGroupLifecycleTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private TestServer Server => shared.Server;

    [Fact]
    public async Task Create_ReturnsGroupShownByDescribe_WhenVpcExists()
    {
        var c = await Server.NewClientAsync();
        var net = await NetworkAsync(c);

        var created = (await c.Ecs("CreateSecurityGroup", ("RegionId", Region), ("VpcId", net.VpcId),
            ("SecurityGroupName", "web-servers"), ("Description", "front end"))).Success();
        var id = created.GetProperty("SecurityGroupId").GetString()!;
        Assert.Matches("^sg-[a-z0-9]{20}$", id);

        var body = (await c.Ecs("DescribeSecurityGroups", ("RegionId", Region))).Success();
        Assert.Equal(Region, body.GetProperty("RegionId").GetString());
        Assert.Equal(1, body.GetProperty("TotalCount").GetInt32());
        Assert.Equal(1, body.GetProperty("PageNumber").GetInt32());
        Assert.Equal(10, body.GetProperty("PageSize").GetInt32());
        var g = Assert.Single(body.GetProperty("SecurityGroups").GetProperty("SecurityGroup").EnumerateArray());
        Assert.Equal(id, g.GetProperty("SecurityGroupId").GetString());
        Assert.Equal("web-servers", g.GetProperty("SecurityGroupName").GetString());
        Assert.Equal("front end", g.GetProperty("Description").GetString());
        Assert.Equal("normal", g.GetProperty("SecurityGroupType").GetString());
        Assert.Equal(net.VpcId, g.GetProperty("VpcId").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", g.GetProperty("CreationTime").GetString());
        Assert.Equal(0, g.GetProperty("EcsCount").GetInt32());
        Assert.Equal(2000, g.GetProperty("AvailableInstanceAmount").GetInt32());
        Assert.Equal(0, g.GetProperty("RuleCount").GetInt32());
        Assert.Equal(JsonValueKind.Array, g.GetProperty("Tags").GetProperty("Tag").ValueKind);
    }

    [Fact]
    public async Task Create_MakesEnterpriseGroup_WhenTypeIsEnterprise()
    {
        var c = await Server.NewClientAsync();
        var net = await NetworkAsync(c);
        var id = (await c.Ecs("CreateSecurityGroup", ("RegionId", Region), ("VpcId", net.VpcId), ("SecurityGroupType", "enterprise")))
            .Success().GetProperty("SecurityGroupId").GetString()!;
        var g = await DescribeAsync(c, id);
        Assert.Equal("enterprise", g.GetProperty("SecurityGroupType").GetString());
        Assert.Equal(65536, g.GetProperty("AvailableInstanceAmount").GetInt32());
    }

    [Theory]
    [InlineData("web-1_a.b:c")]
    [InlineData("中文安全组")]
    [InlineData("ab")]
    public async Task Create_AcceptsName_WhenItFollowsTheNamingRule(string name)
    {
        var c = await Server.NewClientAsync();
        var net = await NetworkAsync(c);
        var id = await GroupAsync(c, net, name);
        Assert.Equal(name, (await DescribeAsync(c, id)).GetProperty("SecurityGroupName").GetString());
    }

    public static TheoryData<string, string, string> MalformedAttributes => new()
    {
        // parameter            value                     expected code
        { "SecurityGroupName", "a",                       "InvalidSecurityGroupName.Malformed" },
        { "SecurityGroupName", "1web",                    "InvalidSecurityGroupName.Malformed" },
        { "SecurityGroupName", "web servers",             "InvalidSecurityGroupName.Malformed" },
        { "SecurityGroupName", "http://web",              "InvalidSecurityGroupName.Malformed" },
        { "SecurityGroupName", "w" + new string('x', 128), "InvalidSecurityGroupName.Malformed" },
        { "Description",       "x",                       "InvalidDescription.Malformed" },
        { "Description",       "https://example.com",     "InvalidDescription.Malformed" },
        { "Description",       new string('d', 257),      "InvalidDescription.Malformed" },
        { "SecurityGroupType", "premium",                 "InvalidParameter" },
    };

    [Theory, MemberData(nameof(MalformedAttributes))]
    public async Task Create_Rejects_WhenAttributeMalformed(string parameter, string value, string code)
    {
        var c = await Server.NewClientAsync();
        var net = await NetworkAsync(c);
        (await c.Ecs("CreateSecurityGroup", ("RegionId", Region), ("VpcId", net.VpcId), (parameter, value))).Error(code, 400);
        await AssertNoGroupsAsync(c);
    }

    [Fact]
    public async Task Create_RejectsWithMissingParameter_WhenVpcIdAbsent()
    {
        var c = await Server.NewClientAsync();
        var error = (await c.Ecs("CreateSecurityGroup", ("RegionId", Region))).Error("MissingParameter", 400);
        Assert.Contains("VpcId", error.Body.GetProperty("Message").GetString());
        await AssertNoGroupsAsync(c);
    }

    [Fact]
    public async Task Create_RejectsWithMissingParameter_WhenRegionIdAbsent()
    {
        var c = await Server.NewClientAsync();
        var net = await NetworkAsync(c);
        (await c.Ecs("CreateSecurityGroup", ("VpcId", net.VpcId))).Error("MissingParameter", 400);
        await AssertNoGroupsAsync(c);
    }

    [Fact]
    public async Task Create_RejectsWithRegionNotFound_WhenRegionUnknown()
    {
        var c = await Server.NewClientAsync();
        var net = await NetworkAsync(c);
        (await c.Ecs("CreateSecurityGroup", ("RegionId", "mars-north-1"), ("VpcId", net.VpcId))).Error("InvalidRegionId.NotFound", 404);
    }

    [Fact]
    public async Task Create_RejectsWithVpcNotFound_WhenVpcUnknownInOtherRegionOrOtherAccounts()
    {
        var c = await Server.NewClientAsync();
        var other = await Server.NewClientAsync();
        var theirs = await NetworkAsync(other);
        var elsewhere = await NetworkAsync(c, "cn-shanghai", "cn-shanghai-b");

        (await c.Ecs("CreateSecurityGroup", ("RegionId", Region), ("VpcId", "vpc-doesnotexist000000000"))).Error("InvalidVpcId.NotFound", 404);
        (await c.Ecs("CreateSecurityGroup", ("RegionId", Region), ("VpcId", theirs.VpcId))).Error("InvalidVpcId.NotFound", 404);
        (await c.Ecs("CreateSecurityGroup", ("RegionId", Region), ("VpcId", elsewhere.VpcId))).Error("InvalidVpcId.NotFound", 404);
        await AssertNoGroupsAsync(c);
        await AssertNoGroupsAsync(other);
    }

    [Fact]
    public async Task Create_RejectsWithQuotaExceed_WhenRegionHas100Groups()
    {
        var c = await Server.NewClientAsync();
        var net = await NetworkAsync(c);
        for (var i = 0; i < 99; i++)
            await PutGroupAsync(Server, c, net);
        await GroupAsync(c, net);

        (await c.Ecs("CreateSecurityGroup", ("RegionId", Region), ("VpcId", net.VpcId))).Error("QuotaExceed.SecurityGroup", 403);
        var body = (await c.Ecs("DescribeSecurityGroups", ("RegionId", Region))).Success();
        Assert.Equal(100, body.GetProperty("TotalCount").GetInt32());

        // The quota is per region.
        var shanghai = await NetworkAsync(c, "cn-shanghai", "cn-shanghai-b");
        await GroupAsync(c, shanghai, region: "cn-shanghai");
    }

    [Fact]
    public async Task Create_ReturnsFirstGroup_WhenClientTokenRepeated()
    {
        var c = await Server.NewClientAsync();
        var net = await NetworkAsync(c);
        (string, string)[] call = [("RegionId", Region), ("VpcId", net.VpcId), ("ClientToken", "token-sg-1")];
        var first = (await c.Ecs("CreateSecurityGroup", call)).Success().GetProperty("SecurityGroupId").GetString();
        var second = (await c.Ecs("CreateSecurityGroup", call)).Success().GetProperty("SecurityGroupId").GetString();
        Assert.Equal(first, second);
        Assert.Equal(1, (await c.Ecs("DescribeSecurityGroups", ("RegionId", Region))).Success().GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task Delete_RemovesGroup_WhenUnused()
    {
        var c = await Server.NewClientAsync();
        var net = await NetworkAsync(c);
        var id = await GroupAsync(c, net);

        (await c.Ecs("DeleteSecurityGroup", ("RegionId", Region), ("SecurityGroupId", id))).Success();

        await AssertNoGroupsAsync(c);
        (await c.Ecs("DescribeSecurityGroupAttribute", ("RegionId", Region), ("SecurityGroupId", id))).Error("InvalidSecurityGroupId.NotFound", 404);
        (await c.Ecs("DeleteSecurityGroup", ("RegionId", Region), ("SecurityGroupId", id))).Error("InvalidSecurityGroupId.NotFound", 404);
        // With its group gone the VPC can go too.
        (await c.Vpc("DeleteVSwitch", ("RegionId", Region), ("VSwitchId", net.VSwitchId))).Success();
        (await c.Vpc("DeleteVpc", ("RegionId", Region), ("VpcId", net.VpcId))).Success();
    }

    [Fact]
    public async Task Delete_RejectsWithNotFound_WhenGroupIsAnotherAccounts()
    {
        var c = await Server.NewClientAsync();
        var other = await Server.NewClientAsync();
        var theirs = await GroupAsync(other, await NetworkAsync(other));

        (await c.Ecs("DeleteSecurityGroup", ("RegionId", Region), ("SecurityGroupId", theirs))).Error("InvalidSecurityGroupId.NotFound", 404);
        await DescribeAsync(other, theirs);
    }

    [Fact]
    public async Task Delete_RejectsWithMissingParameter_WhenSecurityGroupIdAbsent()
    {
        var c = await Server.NewClientAsync();
        (await c.Ecs("DeleteSecurityGroup", ("RegionId", Region))).Error("MissingParameter", 400);
    }

    [Fact]
    public async Task Delete_RejectsWithDependencyViolation_WhenAnEniIsInTheGroup()
    {
        var c = await Server.NewClientAsync();
        var net = await NetworkAsync(c);
        var id = await GroupAsync(c, net);
        await EniAsync(Server, c, net, [id]);

        var error = (await c.Ecs("DeleteSecurityGroup", ("RegionId", Region), ("SecurityGroupId", id))).Error("DependencyViolation", 403);
        Assert.Contains("There is still instance(s) in the specified security group.", error.Body.GetProperty("Message").GetString());
        Assert.Equal(1, (await DescribeAsync(c, id)).GetProperty("EcsCount").GetInt32());
    }

    [Fact]
    public async Task Delete_RejectsWithDependencyViolation_WhenAnotherGroupsRuleReferencesIt()
    {
        var c = await Server.NewClientAsync();
        var net = await NetworkAsync(c);
        var target = await GroupAsync(c, net);
        var referencing = await GroupAsync(c, net);
        (await c.Ecs("AuthorizeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", referencing),
            ("Permissions.1.IpProtocol", "TCP"), ("Permissions.1.PortRange", "443/443"), ("Permissions.1.SourceGroupId", target))).Success();

        (await c.Ecs("DeleteSecurityGroup", ("RegionId", Region), ("SecurityGroupId", target))).Error("DependencyViolation", 403);
        await DescribeAsync(c, target);

        (await c.Ecs("RevokeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", referencing),
            ("Permissions.1.IpProtocol", "TCP"), ("Permissions.1.PortRange", "443/443"), ("Permissions.1.SourceGroupId", target))).Success();
        (await c.Ecs("DeleteSecurityGroup", ("RegionId", Region), ("SecurityGroupId", target))).Success();
    }

    [Fact]
    public async Task Delete_Succeeds_WhenOnlyItsOwnRulesReferenceIt()
    {
        var c = await Server.NewClientAsync();
        var net = await NetworkAsync(c);
        var id = await GroupAsync(c, net);
        (await c.Ecs("AuthorizeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", id),
            ("IpProtocol", "ALL"), ("PortRange", "-1/-1"), ("SourceGroupId", id))).Success();

        (await c.Ecs("DeleteSecurityGroup", ("RegionId", Region), ("SecurityGroupId", id))).Success();
        await AssertNoGroupsAsync(c);
    }

    [Fact]
    public async Task Describe_FiltersByVpcIdsNameAndType()
    {
        var c = await Server.NewClientAsync();
        var net1 = await NetworkAsync(c);
        var net2 = await NetworkAsync(c);
        var a = await GroupAsync(c, net1, "alpha");
        var b = await GroupAsync(c, net1, "beta");
        var d = (await c.Ecs("CreateSecurityGroup", ("RegionId", Region), ("VpcId", net2.VpcId), ("SecurityGroupName", "alpha"),
            ("SecurityGroupType", "enterprise"))).Success().GetProperty("SecurityGroupId").GetString()!;

        Assert.Equal(new[] { a, b }, await IdsAsync(c, ("VpcId", net1.VpcId)));
        Assert.Equal(new[] { a, d }, await IdsAsync(c, ("SecurityGroupName", "alpha")));
        Assert.Equal(new[] { d }, await IdsAsync(c, ("SecurityGroupType", "enterprise")));
        Assert.Equal(new[] { b }, await IdsAsync(c, ("SecurityGroupId", b)));
        Assert.Equal(new[] { a, d }, await IdsAsync(c, ("SecurityGroupIds", JsonSerializer.Serialize(new[] { d, a, "sg-unknown" }))));
        Assert.Equal(new[] { a, b, d }, await IdsAsync(c, ("NetworkType", "vpc")));
    }

    [Fact]
    public async Task Describe_ReturnsEmptyList_WhenFilteringByAnAbsentTagOrClassicNetwork()
    {
        var c = await Server.NewClientAsync();
        await GroupAsync(c, await NetworkAsync(c));

        foreach (var filter in new[] { ("NetworkType", "classic"), ("Tag.1.Key", "env") })
        {
            var result = await c.Ecs("DescribeSecurityGroups", ("RegionId", Region), filter);
            Assert.Equal(0, result.Success().GetProperty("TotalCount").GetInt32());
            Assert.Contains("\"SecurityGroup\":[]", result.Raw);
        }
    }

    [Fact]
    public async Task Describe_ShowsOnlyTheCallersGroups()
    {
        var c = await Server.NewClientAsync();
        var other = await Server.NewClientAsync();
        var mine = await GroupAsync(c, await NetworkAsync(c));
        var theirs = await GroupAsync(other, await NetworkAsync(other));

        Assert.Equal(new[] { mine }, await IdsAsync(c));
        Assert.Empty(await IdsAsync(c, ("SecurityGroupId", theirs)));
        Assert.Empty(await IdsAsync(c, ("RegionId", "cn-shanghai")));
    }

    [Fact]
    public async Task Describe_PagesWithPageNumberAndPageSize()
    {
        var c = await Server.NewClientAsync();
        var net = await NetworkAsync(c);
        var ids = new[] { await GroupAsync(c, net), await GroupAsync(c, net), await GroupAsync(c, net) };

        var first = (await c.Ecs("DescribeSecurityGroups", ("RegionId", Region), ("PageSize", "2"))).Success();
        Assert.Equal(3, first.GetProperty("TotalCount").GetInt32());
        Assert.Equal(ids[..2], Ids(first));
        var second = (await c.Ecs("DescribeSecurityGroups", ("RegionId", Region), ("PageSize", "2"), ("PageNumber", "2"))).Success();
        Assert.Equal(2, second.GetProperty("PageNumber").GetInt32());
        Assert.Equal(ids[2..], Ids(second));

        (await c.Ecs("DescribeSecurityGroups", ("RegionId", Region), ("PageSize", "51"))).Error("InvalidParameter", 400);
    }

    [Fact]
    public async Task Describe_PagesWithMaxResultsAndNextToken()
    {
        var c = await Server.NewClientAsync();
        var net = await NetworkAsync(c);
        var ids = new[] { await GroupAsync(c, net), await GroupAsync(c, net), await GroupAsync(c, net) };

        var first = (await c.Ecs("DescribeSecurityGroups", ("RegionId", Region), ("MaxResults", "2"))).Success();
        Assert.Equal(ids[..2], Ids(first));
        Assert.False(first.TryGetProperty("PageNumber", out _));
        var token = first.GetProperty("NextToken").GetString()!;
        Assert.NotEmpty(token);

        var second = (await c.Ecs("DescribeSecurityGroups", ("RegionId", Region), ("MaxResults", "2"), ("NextToken", token))).Success();
        Assert.Equal(ids[2..], Ids(second));
        Assert.Equal("", second.GetProperty("NextToken").GetString());

        (await c.Ecs("DescribeSecurityGroups", ("RegionId", Region), ("NextToken", "not-a-token"))).Error("InvalidParameter", 400);
        (await c.Ecs("DescribeSecurityGroups", ("RegionId", Region), ("MaxResults", "101"))).Error("InvalidParameter", 400);
    }

    [Fact]
    public async Task Describe_Rejects_WhenSecurityGroupIdsIsNotAJsonArrayOrTooLong()
    {
        var c = await Server.NewClientAsync();
        (await c.Ecs("DescribeSecurityGroups", ("RegionId", Region), ("SecurityGroupIds", "sg-1,sg-2"))).Error("InvalidParameter", 400);
        var tooMany = JsonSerializer.Serialize(Enumerable.Range(0, 101).Select(i => $"sg-{i}").ToArray());
        (await c.Ecs("DescribeSecurityGroups", ("RegionId", Region), ("SecurityGroupIds", tooMany))).Error("InvalidParameter", 400);
    }

    [Fact]
    public async Task Describe_RejectsWithMissingParameter_WhenRegionIdAbsent()
    {
        var c = await Server.NewClientAsync();
        (await c.Ecs("DescribeSecurityGroups")).Error("MissingParameter", 400);
    }

    [Fact]
    public async Task Describe_CountsMemberEnisAndRules()
    {
        var c = await Server.NewClientAsync();
        var net = await NetworkAsync(c);
        var id = await GroupAsync(c, net);
        var other = await GroupAsync(c, net);
        await EniAsync(Server, c, net, [id]);
        await EniAsync(Server, c, net, [other, id]);
        await EniAsync(Server, c, net, [other]);
        (await c.Ecs("AuthorizeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", id),
            ("Permissions.1.IpProtocol", "TCP"), ("Permissions.1.PortRange", "22/22"), ("Permissions.1.SourceCidrIp", "0.0.0.0/0"),
            ("Permissions.2.IpProtocol", "ALL"), ("Permissions.2.SourceGroupId", other))).Success();

        var g = await DescribeAsync(c, id);
        Assert.Equal(2, g.GetProperty("EcsCount").GetInt32());
        Assert.Equal(1998, g.GetProperty("AvailableInstanceAmount").GetInt32());
        Assert.Equal(2, g.GetProperty("RuleCount").GetInt32());
        Assert.Equal(1, g.GetProperty("GroupToGroupRuleCount").GetInt32());
    }

    private static async Task<string[]> IdsAsync(RpcTestClient c, params (string, string)[] filters)
    {
        var parameters = filters.Any(f => f.Item1 == "RegionId") ? filters : [("RegionId", Region), .. filters];
        return Ids((await c.Ecs("DescribeSecurityGroups", parameters)).Success());
    }

    private static string[] Ids(JsonElement body) =>
        body.GetProperty("SecurityGroups").GetProperty("SecurityGroup").EnumerateArray().Select(g => g.GetProperty("SecurityGroupId").GetString()!).ToArray();

    private static async Task AssertNoGroupsAsync(RpcTestClient c)
    {
        var result = await c.Ecs("DescribeSecurityGroups", ("RegionId", Region));
        Assert.Equal(0, result.Success().GetProperty("TotalCount").GetInt32());
        Assert.Contains("\"SecurityGroup\":[]", result.Raw);
    }
}
