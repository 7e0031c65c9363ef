using Eipnet.Api.Tests.Infrastructure;
using static Eipnet.Api.Tests.SecurityGroups.SecurityGroupTestData;

namespace Eipnet.Api.Tests.SecurityGroups;

/// <summary>ModifySecurityGroupAttribute, ModifySecurityGroupPolicy and ModifySecurityGroup(Egress)Rule (issue 12).</summary>
public sealed class SecurityGroupModifyTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private static async Task<System.Text.Json.JsonElement> AttributeAsync(RpcTestClient c, string id) =>
        (await c.Ecs("DescribeSecurityGroupAttribute", ("RegionId", Region), ("SecurityGroupId", id))).Success();

    [Fact]
    public async Task ModifyAttribute_ChangesAndClearsNameAndDescription()
    {
        var c = await shared.Server.NewClientAsync();
        var id = await GroupAsync(c, await NetworkAsync(c), "web");
        (await c.Ecs("ModifySecurityGroupAttribute", ("RegionId", Region), ("SecurityGroupId", id), ("SecurityGroupName", "web-2"),
            ("Description", "front end"))).Success();
        var g = await AttributeAsync(c, id);
        Assert.Equal(("web-2", "front end"), (g.GetProperty("SecurityGroupName").GetString(), g.GetProperty("Description").GetString()));
        (await c.Ecs("ModifySecurityGroupAttribute", ("RegionId", Region), ("SecurityGroupId", id), ("Description", ""))).Success();
        g = await AttributeAsync(c, id);
        Assert.Equal(("web-2", ""), (g.GetProperty("SecurityGroupName").GetString(), g.GetProperty("Description").GetString()));
        (await c.Ecs("ModifySecurityGroupAttribute", ("RegionId", Region), ("SecurityGroupId", id), ("SecurityGroupName", "1bad"))).Error("InvalidSecurityGroupName.Malformed", 400);
        (await c.Ecs("ModifySecurityGroupAttribute", ("RegionId", Region), ("SecurityGroupId", "sg-doesnotexist000000"), ("SecurityGroupName", "x1")))
            .Error("InvalidSecurityGroupId.NotFound", 404);
    }

    [Fact]
    public async Task ModifyPolicy_TakesAccept_AndRefusesDropWhichTheDataPlaneWouldNotEnforce()
    {
        var c = await shared.Server.NewClientAsync();
        var id = await GroupAsync(c, await NetworkAsync(c));
        (await c.Ecs("ModifySecurityGroupPolicy", ("RegionId", Region), ("SecurityGroupId", id), ("InnerAccessPolicy", "Accept"))).Success();
        (await c.Ecs("ModifySecurityGroupPolicy", ("RegionId", Region), ("SecurityGroupId", id), ("InnerAccessPolicy", "Drop"))).Error("InvalidParameter", 400);
        (await c.Ecs("ModifySecurityGroupPolicy", ("RegionId", Region), ("SecurityGroupId", id), ("InnerAccessPolicy", "Maybe"))).Error("InvalidParameter", 400);
        (await c.Ecs("ModifySecurityGroupPolicy", ("RegionId", Region), ("SecurityGroupId", id))).Error("MissingParameter", 400);
        Assert.Equal("Accept", (await AttributeAsync(c, id)).GetProperty("InnerAccessPolicy").GetString());
    }

    [Fact]
    public async Task ModifyRule_ChangesOnlyTheDescription_ByIdOrByContent_AndIsIdempotent()
    {
        var c = await shared.Server.NewClientAsync();
        var id = await GroupAsync(c, await NetworkAsync(c));
        (await c.Ecs("AuthorizeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", id), ("IpProtocol", "tcp"), ("PortRange", "22/22"),
            ("SourceCidrIp", "203.0.113.0/24"), ("Description", "ssh"))).Success();
        (await c.Ecs("AuthorizeSecurityGroupEgress", ("RegionId", Region), ("SecurityGroupId", id), ("IpProtocol", "tcp"), ("PortRange", "443/443"),
            ("DestCidrIp", "0.0.0.0/0"))).Success();
        var before = Fixtures.List(await AttributeAsync(c, id), "Permissions", "Permission");
        var ingressId = before.Single(p => p.GetProperty("Direction").GetString() == "ingress").GetProperty("SecurityGroupRuleId").GetString()!;

        (string, string)[] byContent = [("RegionId", Region), ("SecurityGroupId", id), ("IpProtocol", "tcp"), ("PortRange", "22/22"),
            ("SourceCidrIp", "203.0.113.0/24"), ("Policy", "accept"), ("Priority", "1"), ("NicType", "intranet")];
        // Terraform sends the call twice, over GET, with every field in the query.
        for (var i = 0; i < 2; i++)
            (await c.CallAsync(RpcTestClient.EcsVersion, "ModifySecurityGroupRule", [.. byContent, ("Description", "admin ssh")], Signing.V1Get)).Success();
        (await c.Ecs("ModifySecurityGroupEgressRule", ("RegionId", Region), ("SecurityGroupId", id), ("IpProtocol", "TCP"), ("PortRange", "443/443"),
            ("DestCidrIp", "0.0.0.0/0"), ("Description", "https out"))).Success();
        var after = Fixtures.List(await AttributeAsync(c, id), "Permissions", "Permission");
        Assert.Equal(["admin ssh", "https out"], after.Select(p => p.GetProperty("Description").GetString()));
        Assert.Equal(before.Select(p => p.GetProperty("SecurityGroupRuleId").GetString()), after.Select(p => p.GetProperty("SecurityGroupRuleId").GetString()));

        (await c.Ecs("ModifySecurityGroupRule", ("RegionId", Region), ("SecurityGroupId", id), ("SecurityGroupRuleId", ingressId), ("Description", ""))).Success();
        Assert.Equal("", Fixtures.List(await AttributeAsync(c, id), "Permissions", "Permission")[0].GetProperty("Description").GetString());

        // Not there: by content, by id, or by the id of a rule of the other direction.
        (await c.Ecs("ModifySecurityGroupRule", [.. byContent.Where(p => p.Item1 != "PortRange"), ("PortRange", "23/23"), ("Description", "x")]))
            .Error("InvalidGroupAuthItem.NotFound", 403);
        (await c.Ecs("ModifySecurityGroupEgressRule", ("RegionId", Region), ("SecurityGroupId", id), ("SecurityGroupRuleId", ingressId), ("Description", "x")))
            .Error("InvalidGroupAuthItem.NotFound", 403);
        (await c.Ecs("ModifySecurityGroupRule", ("RegionId", Region), ("SecurityGroupId", id), ("SecurityGroupRuleId", ingressId), ("IpProtocol", "udp"),
            ("PortRange", "1/1"), ("SourceCidrIp", "0.0.0.0/0"), ("Description", "x"))).Error("InvalidParameter", 400);
        (await c.Ecs("ModifySecurityGroupRule", ("RegionId", Region), ("SecurityGroupId", id), ("Description", "x"))).Error("MissingParameter", 400);
    }
}
