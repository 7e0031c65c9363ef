using System.Text.Json;
using Eipnet.Api.Tests.Infrastructure;
using static Eipnet.Api.Tests.SecurityGroups.SecurityGroupTestData;

namespace Eipnet.Api.Tests.SecurityGroups;

public sealed class SecurityGroupRuleTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private TestServer Server => shared.Server;

    [Fact]
    public async Task AuthorizeIngress_AddsRuleShownByAttribute_WithPermissionsForm()
    {
        var (c, _, id) = await GroupAsync();

        (await c.Ecs("AuthorizeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", id),
            ("Permissions.1.IpProtocol", "tcp"), ("Permissions.1.PortRange", "22/22"), ("Permissions.1.SourceCidrIp", "10.0.0.0/8"),
            ("Permissions.1.Policy", "Drop"), ("Permissions.1.Priority", "5"), ("Permissions.1.Description", "ssh from office"),
            ("Permissions.1.NicType", "intranet"))).Success();

        var body = (await c.Ecs("DescribeSecurityGroupAttribute", ("RegionId", Region), ("SecurityGroupId", id))).Success();
        Assert.Equal(id, body.GetProperty("SecurityGroupId").GetString());
        Assert.Equal(Region, body.GetProperty("RegionId").GetString());
        Assert.Equal("Accept", body.GetProperty("InnerAccessPolicy").GetString());
        Assert.Equal("", body.GetProperty("NextToken").GetString());
        var rule = Assert.Single(body.GetProperty("Permissions").GetProperty("Permission").EnumerateArray());
        Assert.Matches("^sgr-[a-z0-9]{20}$", rule.GetProperty("SecurityGroupRuleId").GetString());
        Assert.Equal("ingress", rule.GetProperty("Direction").GetString());
        Assert.Equal("TCP", rule.GetProperty("IpProtocol").GetString());
        Assert.Equal("22/22", rule.GetProperty("PortRange").GetString());
        Assert.Equal("10.0.0.0/8", rule.GetProperty("SourceCidrIp").GetString());
        Assert.Equal("", rule.GetProperty("DestCidrIp").GetString());
        Assert.Equal("", rule.GetProperty("SourceGroupId").GetString());
        Assert.Equal("Drop", rule.GetProperty("Policy").GetString());
        Assert.Equal(JsonValueKind.String, rule.GetProperty("Priority").ValueKind);
        Assert.Equal("5", rule.GetProperty("Priority").GetString());
        Assert.Equal("intranet", rule.GetProperty("NicType").GetString());
        Assert.Equal("ssh from office", rule.GetProperty("Description").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", rule.GetProperty("CreateTime").GetString());
        foreach (var empty in new[] { "Ipv6SourceCidrIp", "Ipv6DestCidrIp", "SourcePortRange", "SourcePrefixListId", "DestPrefixListId", "PortRangeListId" })
            Assert.Equal("", rule.GetProperty(empty).GetString());
    }

    [Fact]
    public async Task AuthorizeIngress_AddsRule_WithLegacyFlatForm()
    {
        var (c, _, id) = await GroupAsync();
        (await c.Ecs("AuthorizeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", id),
            ("IpProtocol", "UDP"), ("PortRange", "53/53"), ("SourceCidrIp", "192.0.2.7"))).Success();

        var rule = Assert.Single(await RulesAsync(c, id));
        Assert.Equal("UDP", rule.GetProperty("IpProtocol").GetString());
        Assert.Equal("192.0.2.7", rule.GetProperty("SourceCidrIp").GetString());
        Assert.Equal("Accept", rule.GetProperty("Policy").GetString());
        Assert.Equal("1", rule.GetProperty("Priority").GetString());
    }

    [Fact]
    public async Task AuthorizeEgress_AddsEgressRules_WithDestCidrAndDestGroup()
    {
        var (c, net, id) = await GroupAsync();
        var peer = await SecurityGroupTestData.GroupAsync(c, net, "peer");
        (await c.Ecs("AuthorizeSecurityGroupEgress", ("RegionId", Region), ("SecurityGroupId", id),
            ("Permissions.1.IpProtocol", "TCP"), ("Permissions.1.PortRange", "443/443"), ("Permissions.1.DestCidrIp", "0.0.0.0/0"),
            ("Permissions.2.IpProtocol", "ICMP"), ("Permissions.2.PortRange", "-1/-1"), ("Permissions.2.DestGroupId", peer))).Success();

        var rules = await RulesAsync(c, id, "egress");
        Assert.Equal(2, rules.Length);
        Assert.All(rules, r => Assert.Equal("egress", r.GetProperty("Direction").GetString()));
        Assert.Equal("0.0.0.0/0", rules[0].GetProperty("DestCidrIp").GetString());
        Assert.Equal("", rules[0].GetProperty("SourceCidrIp").GetString());
        Assert.Equal(peer, rules[1].GetProperty("DestGroupId").GetString());
        Assert.Equal("peer", rules[1].GetProperty("DestGroupName").GetString());
        Assert.Empty(await RulesAsync(c, id, "ingress"));
    }

    public static TheoryData<string, string?, string, string> Protocols => new()
    {
        // IpProtocol  PortRange  stored protocol  stored range
        { "tcp",   "1/65535",   "TCP",  "1/65535" },
        { "Udp",   "53/53",     "UDP",  "53/53" },
        { "icmp",  "-1/-1",     "ICMP", "-1/-1" },
        { "gre",   null,        "GRE",  "-1/-1" },
        { "all",   null,        "ALL",  "-1/-1" },
    };

    [Theory, MemberData(nameof(Protocols))]
    public async Task Authorize_StoresProtocolUpperCase_AndPortRangeOfProtocol(string protocol, string? portRange, string storedProtocol, string storedRange)
    {
        var (c, _, id) = await GroupAsync();
        var parameters = new List<(string, string)> { ("RegionId", Region), ("SecurityGroupId", id), ("IpProtocol", protocol), ("SourceCidrIp", "0.0.0.0/0") };
        if (portRange is not null)
            parameters.Add(("PortRange", portRange));
        (await c.Ecs("AuthorizeSecurityGroup", [.. parameters])).Success();

        var rule = Assert.Single(await RulesAsync(c, id));
        Assert.Equal(storedProtocol, rule.GetProperty("IpProtocol").GetString());
        Assert.Equal(storedRange, rule.GetProperty("PortRange").GetString());
    }

    public static TheoryData<string, string, string> InvalidIngressValues => new()
    {
        // field          value              expected code (IpProtocol TCP, PortRange 22/22, SourceCidrIp 10.0.0.0/8 otherwise)
        { "IpProtocol",   "ICMPv6",          "InvalidIpProtocol.ValueNotSupported" },
        { "IpProtocol",   "6",               "InvalidIpProtocol.ValueNotSupported" },
        { "PortRange",    "0/22",            "InvalidIpPortRange.Malformed" },
        { "PortRange",    "22/21",           "InvalidIpPortRange.Malformed" },
        { "PortRange",    "1/65536",         "InvalidIpPortRange.Malformed" },
        { "PortRange",    "-1/-1",           "InvalidIpPortRange.Malformed" },
        { "PortRange",    "22",              "InvalidIpPortRange.Malformed" },
        { "PortRange",    "a/b",             "InvalidIpPortRange.Malformed" },
        { "SourceCidrIp", "10.0.0.0/33",     "InvalidSourceCidrIp.Malformed" },
        { "SourceCidrIp", "10.0.0.1/8",      "InvalidSourceCidrIp.Malformed" },
        { "SourceCidrIp", "300.1.2.3",       "InvalidSourceCidrIp.Malformed" },
        { "SourceCidrIp", "::/0",            "InvalidSourceCidrIp.Malformed" },
        { "Policy",       "allow",           "InvalidPolicy.Malformed" },
        { "Priority",     "0",               "InvalidPriority.ValueNotSupported" },
        { "Priority",     "101",             "InvalidPriority.ValueNotSupported" },
        { "Priority",     "high",            "InvalidPriority.ValueNotSupported" },
        { "Description",  "http://example",  "InvalidDescription.Malformed" },
        { "NicType",      "internet",        "InvalidParameter" },
        { "DestCidrIp",   "192.168.1.0/24",  "InvalidParameter" },
        { "SourcePortRange", "1000/2000",    "InvalidParameter" },
        { "Ipv6SourceCidrIp", "::/0",        "InvalidParameter" },
    };

    [Theory, MemberData(nameof(InvalidIngressValues))]
    public async Task AuthorizeIngress_RejectsAndAddsNothing_WhenValueInvalid(string field, string value, string code)
    {
        var (c, _, id) = await GroupAsync();
        var fields = new Dictionary<string, string> { ["IpProtocol"] = "TCP", ["PortRange"] = "22/22", ["SourceCidrIp"] = "10.0.0.0/8", [field] = value };

        // Both encodings validate alike; the first permission is valid, so a partial write would show.
        (await c.Ecs("AuthorizeSecurityGroup", [("RegionId", Region), ("SecurityGroupId", id),
            ("Permissions.1.IpProtocol", "TCP"), ("Permissions.1.PortRange", "80/80"), ("Permissions.1.SourceCidrIp", "0.0.0.0/0"),
            .. fields.Select(f => ("Permissions.2." + f.Key, f.Value))])).Error(code, 400);
        (await c.Ecs("AuthorizeSecurityGroup", [("RegionId", Region), ("SecurityGroupId", id), .. fields.Select(f => (f.Key, f.Value))]))
            .Error(code, 400);

        Assert.Empty(await RulesAsync(c, id));
    }

    [Theory]
    [InlineData("ICMP", "22/22", "InvalidIpPortRange.Malformed")]
    [InlineData("ALL", "1/65535", "InvalidIpPortRange.Malformed")]
    [InlineData("TCP", "", "MissingParameter")]
    public async Task Authorize_Rejects_WhenPortRangeDoesNotFitProtocol(string protocol, string portRange, string code)
    {
        var (c, _, id) = await GroupAsync();
        (await c.Ecs("AuthorizeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", id),
            ("IpProtocol", protocol), ("PortRange", portRange), ("SourceCidrIp", "0.0.0.0/0"))).Error(code, 400);
        Assert.Empty(await RulesAsync(c, id));
    }

    [Fact]
    public async Task AuthorizeEgress_RejectsWithInvalidDestCidrIp_WhenDestinationMalformed()
    {
        var (c, _, id) = await GroupAsync();
        (await c.Ecs("AuthorizeSecurityGroupEgress", ("RegionId", Region), ("SecurityGroupId", id),
            ("IpProtocol", "TCP"), ("PortRange", "80/80"), ("DestCidrIp", "10.0.0.0/40"))).Error("InvalidDestCidrIp.Malformed", 400);
        (await c.Ecs("AuthorizeSecurityGroupEgress", ("RegionId", Region), ("SecurityGroupId", id),
            ("IpProtocol", "TCP"), ("PortRange", "80/80"), ("DestCidrIp", "0.0.0.0/0"), ("SourceCidrIp", "192.168.1.0/24"))).Error("InvalidParameter", 400);
        Assert.Empty(await RulesAsync(c, id));
    }

    [Fact]
    public async Task Authorize_RejectsWithMissingSourceOrDest_WhenRemoteSideAbsent()
    {
        var (c, _, id) = await GroupAsync();
        (await c.Ecs("AuthorizeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", id),
            ("Permissions.1.IpProtocol", "TCP"), ("Permissions.1.PortRange", "22/22"))).Error("MissingParameter.Source", 400);
        (await c.Ecs("AuthorizeSecurityGroupEgress", ("RegionId", Region), ("SecurityGroupId", id),
            ("IpProtocol", "TCP"), ("PortRange", "22/22"))).Error("MissingParameter.Dest", 400);
        // An ingress source does not count as an egress destination.
        (await c.Ecs("AuthorizeSecurityGroupEgress", ("RegionId", Region), ("SecurityGroupId", id),
            ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceGroupId", id))).Error("MissingParameter.Dest", 400);
        Assert.Empty(await RulesAsync(c, id));
    }

    [Fact]
    public async Task Authorize_RejectsWithMissingParameter_WhenNoRuleOrGroupGiven()
    {
        var (c, _, id) = await GroupAsync();
        (await c.Ecs("AuthorizeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", id))).Error("MissingParameter", 400);
        (await c.Ecs("AuthorizeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", id),
            ("Permissions.1.PortRange", "22/22"), ("Permissions.1.SourceCidrIp", "0.0.0.0/0"))).Error("MissingParameter", 400);
        (await c.Ecs("AuthorizeSecurityGroup", ("RegionId", Region),
            ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceCidrIp", "0.0.0.0/0"))).Error("MissingParameter", 400);
        Assert.Empty(await RulesAsync(c, id));
    }

    [Fact]
    public async Task Authorize_RejectsWithNotFound_WhenGroupOrSourceGroupIsAnotherAccountsOrUnknown()
    {
        var (c, _, id) = await GroupAsync();
        var (other, _, theirs) = await GroupAsync();

        (await c.Ecs("AuthorizeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", theirs),
            ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceCidrIp", "0.0.0.0/0"))).Error("InvalidSecurityGroupId.NotFound", 404);
        (await c.Ecs("AuthorizeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", id),
            ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceGroupId", theirs))).Error("InvalidSecurityGroupId.NotFound", 404);
        (await c.Ecs("AuthorizeSecurityGroupEgress", ("RegionId", Region), ("SecurityGroupId", id),
            ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("DestGroupId", "sg-doesnotexist0000000"))).Error("InvalidSecurityGroupId.NotFound", 404);

        Assert.Empty(await RulesAsync(c, id));
        Assert.Empty(await RulesAsync(other, theirs));
    }

    [Fact]
    public async Task Authorize_AcceptsWithoutAddingDuplicate_WhenSameRuleExists()
    {
        var (c, _, id) = await GroupAsync();
        (string, string)[] ssh = [("RegionId", Region), ("SecurityGroupId", id), ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceCidrIp", "10.0.0.0/8")];
        (await c.Ecs("AuthorizeSecurityGroup", ssh)).Success();
        var first = Assert.Single(await RulesAsync(c, id)).GetProperty("SecurityGroupRuleId").GetString();

        (await c.Ecs("AuthorizeSecurityGroup", [.. ssh, ("Description", "again")])).Success();
        (await c.Ecs("AuthorizeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", id),
            ("Permissions.1.IpProtocol", "tcp"), ("Permissions.1.PortRange", "22/22"), ("Permissions.1.SourceCidrIp", "10.0.0.0/8"),
            ("Permissions.2.IpProtocol", "TCP"), ("Permissions.2.PortRange", "22/22"), ("Permissions.2.SourceCidrIp", "10.0.0.0/8"))).Success();

        Assert.Equal(first, Assert.Single(await RulesAsync(c, id)).GetProperty("SecurityGroupRuleId").GetString());

        // Another priority or policy is another rule.
        (await c.Ecs("AuthorizeSecurityGroup", [.. ssh, ("Priority", "2")])).Success();
        Assert.Equal(2, (await RulesAsync(c, id)).Length);
    }

    [Fact]
    public async Task Authorize_RejectsWithAuthorizationLimitExceed_WhenGroupWouldHaveMoreThan200Rules()
    {
        // 100 permissions in the query string, as the V3 SDKs send them.
        var (c, _, id) = await GroupAsync();
        (await c.Ecs("AuthorizeSecurityGroup", Ports(id, 1, 100))).Success();
        (await c.Ecs("AuthorizeSecurityGroupEgress", [.. Ports(id, 1, 99, "Dest"), ("IpProtocol", "ALL"), ("DestCidrIp", "0.0.0.0/0")])).Success();
        Assert.Equal(200, (await RulesAsync(c, id)).Length);

        (await c.Ecs("AuthorizeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", id),
            ("IpProtocol", "TCP"), ("PortRange", "8080/8080"), ("SourceCidrIp", "0.0.0.0/0"))).Error("AuthorizationLimitExceed", 403);
        // A rule already there is still accepted: it adds nothing.
        (await c.Ecs("AuthorizeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", id),
            ("IpProtocol", "TCP"), ("PortRange", "1/1"), ("SourceCidrIp", "0.0.0.0/0"))).Success();

        var rules = await RulesAsync(c, id);
        Assert.Equal(200, rules.Length);
        Assert.Equal(200, (await DescribeAsync(c, id)).GetProperty("RuleCount").GetInt32());
    }

    [Fact]
    public async Task Authorize_Rejects_WhenMoreThan100Permissions()
    {
        var (c, _, id) = await GroupAsync();
        c = InFormBody(c);
        (await c.Ecs("AuthorizeSecurityGroup", Ports(id, 1, 101))).Error("InvalidParameter", 400);
        Assert.Empty(await RulesAsync(c, id));
    }

    [Fact]
    public async Task Authorize_KeepsTheCidr_WhenCidrAndGroupBothGiven()
    {
        var (c, _, id) = await GroupAsync();
        (await c.Ecs("AuthorizeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", id),
            ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceCidrIp", "10.0.0.0/8"), ("SourceGroupId", "sg-doesnotexist0000000"))).Success();
        var rule = Assert.Single(await RulesAsync(c, id));
        Assert.Equal("10.0.0.0/8", rule.GetProperty("SourceCidrIp").GetString());
        Assert.Equal("", rule.GetProperty("SourceGroupId").GetString());
    }

    [Fact]
    public async Task Authorize_AllowsRuleNamingItsOwnGroup()
    {
        var (c, _, id) = await GroupAsync();
        (await c.Ecs("AuthorizeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", id), ("IpProtocol", "ALL"), ("SourceGroupId", id))).Success();
        var rule = Assert.Single(await RulesAsync(c, id));
        Assert.Equal(id, rule.GetProperty("SourceGroupId").GetString());
        Assert.Equal("-1/-1", rule.GetProperty("PortRange").GetString());
    }

    [Fact]
    public async Task Revoke_RemovesRules_ById()
    {
        var (c, _, id) = await GroupAsync();
        (await c.Ecs("AuthorizeSecurityGroup", Ports(id, 1, 3))).Success();
        var rules = await RulesAsync(c, id);

        (await c.Ecs("RevokeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", id),
            ("SecurityGroupRuleId.1", rules[0].GetProperty("SecurityGroupRuleId").GetString()!),
            ("SecurityGroupRuleId.2", rules[2].GetProperty("SecurityGroupRuleId").GetString()!))).Success();

        var left = Assert.Single(await RulesAsync(c, id));
        Assert.Equal("2/2", left.GetProperty("PortRange").GetString());
    }

    [Fact]
    public async Task Revoke_RemovesRule_ByPermissionsAndFlatForm()
    {
        var (c, _, id) = await GroupAsync();
        (await c.Ecs("AuthorizeSecurityGroup", Ports(id, 1, 3))).Success();

        (await c.Ecs("RevokeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", id),
            ("Permissions.1.IpProtocol", "tcp"), ("Permissions.1.PortRange", "1/1"), ("Permissions.1.SourceCidrIp", "0.0.0.0/0"))).Success();
        (await c.Ecs("RevokeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", id),
            ("IpProtocol", "TCP"), ("PortRange", "3/3"), ("SourceCidrIp", "0.0.0.0/0"), ("Policy", "accept"), ("Priority", "1"))).Success();

        Assert.Equal("2/2", Assert.Single(await RulesAsync(c, id)).GetProperty("PortRange").GetString());
    }

    [Fact]
    public async Task RevokeEgress_RemovesEgressRule_AndLeavesIngressAlone()
    {
        var (c, _, id) = await GroupAsync();
        (await c.Ecs("AuthorizeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", id), ("IpProtocol", "ALL"), ("SourceCidrIp", "0.0.0.0/0"))).Success();
        (await c.Ecs("AuthorizeSecurityGroupEgress", ("RegionId", Region), ("SecurityGroupId", id), ("IpProtocol", "ALL"), ("DestCidrIp", "0.0.0.0/0"))).Success();

        (await c.Ecs("RevokeSecurityGroupEgress", ("RegionId", Region), ("SecurityGroupId", id), ("IpProtocol", "ALL"), ("DestCidrIp", "0.0.0.0/0"))).Success();

        Assert.Empty(await RulesAsync(c, id, "egress"));
        Assert.Single(await RulesAsync(c, id, "ingress"));
    }

    [Fact]
    public async Task Revoke_RejectsWithInvalidGroupAuthItemAndRemovesNothing_WhenANamedRuleIsAbsent()
    {
        var (c, _, id) = await GroupAsync();
        (await c.Ecs("AuthorizeSecurityGroup", Ports(id, 1, 2))).Success();
        (await c.Ecs("AuthorizeSecurityGroupEgress", ("RegionId", Region), ("SecurityGroupId", id), ("IpProtocol", "ALL"), ("DestCidrIp", "0.0.0.0/0"))).Success();
        var ingressId = (await RulesAsync(c, id, "ingress"))[0].GetProperty("SecurityGroupRuleId").GetString()!;
        var egressId = Assert.Single(await RulesAsync(c, id, "egress")).GetProperty("SecurityGroupRuleId").GetString()!;

        // Unknown id, together with an existing one: all or nothing.
        (await c.Ecs("RevokeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", id),
            ("SecurityGroupRuleId.1", ingressId), ("SecurityGroupRuleId.2", "sgr-doesnotexist000000"))).Error("InvalidGroupAuthItem.NotFound", 403);
        // An egress rule is not an ingress rule.
        (await c.Ecs("RevokeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", id), ("SecurityGroupRuleId.1", egressId)))
            .Error("InvalidGroupAuthItem.NotFound", 403);
        // Same ports and source, other priority: a rule given by content that is not there is already revoked (Terraform
        // retries any other answer for 5 minutes).
        (await c.Ecs("RevokeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", id),
            ("IpProtocol", "TCP"), ("PortRange", "1/1"), ("SourceCidrIp", "0.0.0.0/0"), ("Priority", "7"))).Success();

        Assert.Equal(3, (await RulesAsync(c, id)).Length);
    }

    [Fact]
    public async Task Revoke_RejectsWithMissingParameter_WhenNoRuleGiven()
    {
        var (c, _, id) = await GroupAsync();
        (await c.Ecs("RevokeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", id))).Error("MissingParameter", 400);
        (await c.Ecs("RevokeSecurityGroupEgress", ("RegionId", Region), ("SecurityGroupId", id))).Error("MissingParameter", 400);
    }

    [Fact]
    public async Task Revoke_RejectsWithNotFound_WhenGroupIsAnotherAccounts()
    {
        var (c, _, _) = await GroupAsync();
        var (other, _, theirs) = await GroupAsync();
        (await other.Ecs("AuthorizeSecurityGroup", Ports(theirs, 1, 1))).Success();
        var ruleId = Assert.Single(await RulesAsync(other, theirs)).GetProperty("SecurityGroupRuleId").GetString()!;

        (await c.Ecs("RevokeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", theirs), ("SecurityGroupRuleId.1", ruleId)))
            .Error("InvalidSecurityGroupId.NotFound", 404);
        Assert.Single(await RulesAsync(other, theirs));
    }

    [Fact]
    public async Task DescribeAttribute_ShowsOneDirection_WhenDirectionGiven()
    {
        var (c, _, id) = await GroupAsync();
        (await c.Ecs("AuthorizeSecurityGroup", Ports(id, 1, 2))).Success();
        (await c.Ecs("AuthorizeSecurityGroupEgress", ("RegionId", Region), ("SecurityGroupId", id), ("IpProtocol", "ALL"), ("DestCidrIp", "0.0.0.0/0"))).Success();

        Assert.Equal(3, (await RulesAsync(c, id)).Length);
        Assert.Equal(2, (await RulesAsync(c, id, "ingress")).Length);
        Assert.Single(await RulesAsync(c, id, "egress"));
        (await c.Ecs("DescribeSecurityGroupAttribute", ("RegionId", Region), ("SecurityGroupId", id), ("Direction", "inbound"))).Error("InvalidParameter", 400);
        var internet = await c.Ecs("DescribeSecurityGroupAttribute", ("RegionId", Region), ("SecurityGroupId", id), ("NicType", "internet"));
        Assert.Contains("\"Permission\":[]", internet.Raw);
    }

    [Fact]
    public async Task DescribeAttribute_PagesWithMaxResultsAndNextToken()
    {
        var (c, _, id) = await GroupAsync();
        (await c.Ecs("AuthorizeSecurityGroup", Ports(id, 1, 12))).Success();

        var first = (await c.Ecs("DescribeSecurityGroupAttribute", ("RegionId", Region), ("SecurityGroupId", id), ("MaxResults", "10"))).Success();
        Assert.Equal(10, first.GetProperty("Permissions").GetProperty("Permission").GetArrayLength());
        var token = first.GetProperty("NextToken").GetString()!;
        var second = (await c.Ecs("DescribeSecurityGroupAttribute", ("RegionId", Region), ("SecurityGroupId", id), ("MaxResults", "10"), ("NextToken", token))).Success();
        var rest = second.GetProperty("Permissions").GetProperty("Permission").EnumerateArray().Select(p => p.GetProperty("PortRange").GetString()).ToArray();
        Assert.Equal(new[] { "11/11", "12/12" }, rest);
        Assert.Equal("", second.GetProperty("NextToken").GetString());
    }

    [Fact]
    public async Task DescribeAttribute_RejectsWithNotFound_WhenGroupIsAnotherAccountsOrAbsent()
    {
        var (c, _, _) = await GroupAsync();
        var (_, _, theirs) = await GroupAsync();
        (await c.Ecs("DescribeSecurityGroupAttribute", ("RegionId", Region), ("SecurityGroupId", theirs))).Error("InvalidSecurityGroupId.NotFound", 404);
        (await c.Ecs("DescribeSecurityGroupAttribute", ("RegionId", Region))).Error("MissingParameter", 400);
    }

    [Fact]
    public async Task DescribeAttribute_RejectsWithNotFound_WhenRegionIsNotTheGroups()
    {
        var (c, _, id) = await GroupAsync();
        (await c.Ecs("DescribeSecurityGroupAttribute", ("RegionId", "cn-shanghai"), ("SecurityGroupId", id))).Error("InvalidSecurityGroupId.NotFound", 404);
        // Without RegionId the group's own region is used.
        (await c.Ecs("DescribeSecurityGroupAttribute", ("SecurityGroupId", id))).Success();
    }

    private async Task<(RpcTestClient Client, Network Net, string GroupId)> GroupAsync()
    {
        var c = await Server.NewClientAsync();
        var net = await NetworkAsync(c);
        return (c, net, await SecurityGroupTestData.GroupAsync(c, net));
    }

    /// <summary>A client that sends parameters in a form body: 100 permissions make a query longer than Kestrel's request line limit.</summary>
    private static RpcTestClient InFormBody(RpcTestClient c) => new(c.Endpoint, c.Account) { Signing = Signing.V1Form };

    /// <summary>Permissions.1..N allowing TCP port i from anywhere (or to anywhere, for "Dest").</summary>
    private static (string, string)[] Ports(string groupId, int from, int to, string side = "Source") =>
    [
        ("RegionId", Region), ("SecurityGroupId", groupId),
        .. Enumerable.Range(from, to - from + 1).SelectMany(port => new[]
        {
            ($"Permissions.{port - from + 1}.IpProtocol", "TCP"),
            ($"Permissions.{port - from + 1}.PortRange", $"{port}/{port}"),
            ($"Permissions.{port - from + 1}.{side}CidrIp", "0.0.0.0/0"),
        }),
    ];
}
