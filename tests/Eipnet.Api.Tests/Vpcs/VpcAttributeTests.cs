using System.Text.Json;
using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Vpcs;

/// <summary>DescribeVpcAttribute, DescribeVSwitchAttributes, ModifyVpcAttribute, ModifyVSwitchAttribute and
/// DescribeRouteTableList (issue 12).</summary>
public sealed class VpcAttributeTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private const string R = Fixtures.Region;

    private static async Task<JsonElement> VpcAttributeAsync(RpcTestClient c, string id) =>
        (await c.Vpc("DescribeVpcAttribute", ("RegionId", R), ("VpcId", id))).Success();

    private static async Task<JsonElement> VSwitchAttributesAsync(RpcTestClient c, string id) =>
        (await c.Vpc("DescribeVSwitchAttributes", ("RegionId", R), ("VSwitchId", id))).Success();

    [Fact]
    public async Task DescribeVpcAttribute_ShowsTheVpcFlat_WithTheFieldsTerraformReads()
    {
        var c = await shared.NewClientAsync();
        var created = (await c.Vpc("CreateVpc", ("RegionId", R), ("CidrBlock", "10.4.0.0/16"), ("VpcName", "tf-vpc"), ("EnableDnsHostname", "true"))).Success();
        var vpcId = created.GetProperty("VpcId").GetString()!;
        var vswId = await Fixtures.VSwitchAsync(c, vpcId, "10.4.1.0/24");
        var vpc = await VpcAttributeAsync(c, vpcId);
        Assert.Equal(vpcId, vpc.GetProperty("VpcId").GetString());
        Assert.Equal("tf-vpc", vpc.GetProperty("VpcName").GetString());
        Assert.Equal("10.4.0.0/16", vpc.GetProperty("CidrBlock").GetString());
        Assert.Equal("Available", vpc.GetProperty("Status").GetString());
        Assert.Equal(R, vpc.GetProperty("RegionId").GetString());
        Assert.Equal("", vpc.GetProperty("Description").GetString());
        Assert.Equal("ENABLED", vpc.GetProperty("DnsHostnameStatus").GetString());
        Assert.Equal(created.GetProperty("VRouterId").GetString(), vpc.GetProperty("VRouterId").GetString());
        Assert.Equal(JsonValueKind.False, vpc.GetProperty("ClassicLinkEnabled").ValueKind);
        Assert.Equal(JsonValueKind.False, vpc.GetProperty("IsDefault").ValueKind);
        Assert.Equal(JsonValueKind.False, vpc.GetProperty("EnabledIpv6").ValueKind);
        Assert.Equal("", vpc.GetProperty("Ipv6CidrBlock").GetString());
        Assert.Equal(0, vpc.GetProperty("Ipv6CidrBlocks").GetProperty("Ipv6CidrBlock").GetArrayLength());
        Assert.Equal([vswId], vpc.GetProperty("VSwitchIds").GetProperty("VSwitchId").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, vpc.GetProperty("UserCidrs").GetProperty("UserCidr").GetArrayLength());
        Assert.Equal(0, vpc.GetProperty("SecondaryCidrBlocks").GetProperty("SecondaryCidrBlock").GetArrayLength());
        Assert.Equal(0, vpc.GetProperty("Tags").GetProperty("Tag").GetArrayLength());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", vpc.GetProperty("CreationTime").GetString());
        Assert.False(vpc.TryGetProperty("Code", out _));
    }

    [Fact]
    public async Task DescribeAttributes_Answer404_OnlyForWhatDoesNotExist()
    {
        var c = await shared.NewClientAsync();
        var other = await shared.NewClientAsync();
        var vpcId = await Fixtures.VpcAsync(c);
        var vswId = await Fixtures.VSwitchAsync(c, vpcId);
        (await other.Vpc("DescribeVpcAttribute", ("RegionId", R), ("VpcId", vpcId))).Error("InvalidVpcId.NotFound", 404);
        (await c.Vpc("DescribeVpcAttribute", ("RegionId", "cn-shanghai"), ("VpcId", vpcId))).Error("InvalidVpcId.NotFound", 404);
        (await other.Vpc("DescribeVSwitchAttributes", ("RegionId", R), ("VSwitchId", vswId))).Error("InvalidVSwitchId.NotFound", 404);
        (await c.Vpc("DescribeVpcAttribute", ("VpcId", vpcId))).Error("MissingParameter", 400);
        (await c.Vpc("DescribeVpcAttribute", ("RegionId", R), ("VpcId", vpcId), ("DryRun", "true"))).Error("DryRunOperation", 400);
        (await c.Vpc("DeleteVSwitch", ("RegionId", R), ("VSwitchId", vswId))).Success();
        (await c.Vpc("DescribeVSwitchAttributes", ("RegionId", R), ("VSwitchId", vswId))).Error("InvalidVSwitchId.NotFound", 404);
        (await c.Vpc("DeleteVpc", ("RegionId", R), ("VpcId", vpcId))).Success();
        (await c.Vpc("DescribeVpcAttribute", ("RegionId", R), ("VpcId", vpcId))).Error("InvalidVpcId.NotFound", 404);
    }

    [Fact]
    public async Task ModifyVpcAttribute_ChangesNameDescriptionCidrAndDns_AndClearsWithEmpty()
    {
        var c = await shared.NewClientAsync();
        var vpcId = await Fixtures.VpcAsync(c, "192.168.0.0/20");
        await Fixtures.VSwitchAsync(c, vpcId, "192.168.1.0/24");
        (await c.Vpc("ModifyVpcAttribute", ("RegionId", R), ("VpcId", vpcId), ("VpcName", "renamed"), ("Description", "about it"),
            ("CidrBlock", "192.168.0.0/16"), ("EnableDnsHostname", "true"))).Success();
        var vpc = await VpcAttributeAsync(c, vpcId);
        Assert.Equal(("renamed", "about it", "192.168.0.0/16", "ENABLED"), (vpc.GetProperty("VpcName").GetString(), vpc.GetProperty("Description").GetString(),
            vpc.GetProperty("CidrBlock").GetString(), vpc.GetProperty("DnsHostnameStatus").GetString()));

        (await c.Vpc("ModifyVpcAttribute", ("VpcId", vpcId), ("Description", ""), ("EnableDnsHostname", "false"))).Success();
        vpc = await VpcAttributeAsync(c, vpcId);
        Assert.Equal(("renamed", "", "DISABLED"), (vpc.GetProperty("VpcName").GetString(), vpc.GetProperty("Description").GetString(),
            vpc.GetProperty("DnsHostnameStatus").GetString()));
    }

    [Fact]
    public async Task ModifyVpcAttribute_Refuses_ABlockThatLosesAVSwitch_AndWhatEipnetDoesNotModel()
    {
        var c = await shared.NewClientAsync();
        var vpcId = await Fixtures.VpcAsync(c);
        await Fixtures.VSwitchAsync(c, vpcId, "192.168.200.0/24");
        (await c.Vpc("ModifyVpcAttribute", ("RegionId", R), ("VpcId", vpcId), ("CidrBlock", "192.168.0.0/20"))).Error("InvalidParameter", 400);
        (await c.Vpc("ModifyVpcAttribute", ("RegionId", R), ("VpcId", vpcId), ("CidrBlock", "100.64.0.0/16"))).Error("InvalidParameter", 400);
        (await c.Vpc("ModifyVpcAttribute", ("RegionId", R), ("VpcId", vpcId), ("EnableIPv6", "true"))).Error("InvalidParameter", 400);
        (await c.Vpc("ModifyVpcAttribute", ("RegionId", R), ("VpcId", vpcId), ("Ipv6Isp", "BGP"))).Error("InvalidParameter", 400);
        (await c.Vpc("ModifyVpcAttribute", ("RegionId", R), ("VpcId", "vpc-nothere"), ("VpcName", "x"))).Error("InvalidVpcId.NotFound", 404);
        Assert.Equal("192.168.0.0/16", (await VpcAttributeAsync(c, vpcId)).GetProperty("CidrBlock").GetString());
    }

    [Fact]
    public async Task CreateVpc_RefusesUnmodelledParameters_AndDryRunCreatesNothing()
    {
        var c = await shared.NewClientAsync();
        foreach (var (name, value) in new[] { ("EnableIpv6", "true"), ("Ipv6CidrBlock", "2408:4002:10c4:4e03::/64"), ("Ipv6Isp", "BGP"),
            ("UserCidr", "10.0.0.0/8"), ("Ipv4IpamPoolId", "ipam-pool-1"), ("Ipv4CidrMask", "16") })
            (await c.Vpc("CreateVpc", ("RegionId", R), (name, value))).Error("InvalidParameter", 400);
        (await c.Vpc("CreateVpc", ("RegionId", R), ("DryRun", "true"))).Error("DryRunOperation", 400);
        (await c.Vpc("CreateVSwitch", ("RegionId", R), ("VpcId", await Fixtures.VpcAsync(c)), ("ZoneId", Fixtures.Zone),
            ("CidrBlock", "192.168.1.0/24"), ("Ipv6CidrBlock", "12"))).Error("InvalidParameter", 400);
        var body = (await c.Vpc("DescribeVpcs", ("RegionId", R))).Success();
        Assert.Equal(1, body.GetProperty("TotalCount").GetInt32());
        Assert.Equal(0, (await c.Vpc("DescribeVSwitches", ("RegionId", R))).Success().GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task DescribeVSwitchAttributes_AndModify_RoundTrip()
    {
        var c = await shared.NewClientAsync();
        var vpcId = await Fixtures.VpcAsync(c);
        var vswId = await Fixtures.VSwitchAsync(c, vpcId);
        var vsw = await VSwitchAttributesAsync(c, vswId);
        Assert.Equal((vswId, vpcId, Fixtures.Zone, "192.168.1.0/24", "Available", "", "", ""), (vsw.GetProperty("VSwitchId").GetString(),
            vsw.GetProperty("VpcId").GetString(), vsw.GetProperty("ZoneId").GetString(), vsw.GetProperty("CidrBlock").GetString(),
            vsw.GetProperty("Status").GetString(), vsw.GetProperty("VSwitchName").GetString(), vsw.GetProperty("Description").GetString(),
            vsw.GetProperty("Ipv6CidrBlock").GetString()));
        Assert.Equal(251, vsw.GetProperty("AvailableIpAddressCount").GetInt64());
        Assert.Equal("vtb-" + vpcId[4..], vsw.GetProperty("RouteTable").GetProperty("RouteTableId").GetString());

        (await c.Vpc("ModifyVSwitchAttribute", ("RegionId", R), ("VSwitchId", vswId), ("VSwitchName", "web"), ("Description", "front"))).Success();
        vsw = await VSwitchAttributesAsync(c, vswId);
        Assert.Equal(("web", "front"), (vsw.GetProperty("VSwitchName").GetString(), vsw.GetProperty("Description").GetString()));
        (await c.Vpc("ModifyVSwitchAttribute", ("RegionId", R), ("VSwitchId", vswId), ("VSwitchName", ""))).Success();
        vsw = await VSwitchAttributesAsync(c, vswId);
        Assert.Equal(("", "front"), (vsw.GetProperty("VSwitchName").GetString(), vsw.GetProperty("Description").GetString()));
        (await c.Vpc("ModifyVSwitchAttribute", ("RegionId", R), ("VSwitchId", vswId), ("EnableIPv6", "true"))).Error("InvalidParameter", 400);
        (await c.Vpc("ModifyVSwitchAttribute", ("RegionId", R), ("VSwitchId", vswId), ("Description", "http://x"))).Error("InvalidParameter", 400);
    }

    [Fact]
    public async Task DescribeRouteTableList_ShowsEachVpcsSystemTable_AndItsFiltersFilter()
    {
        var c = await shared.NewClientAsync();
        var vpcId = (await c.Vpc("CreateVpc", ("RegionId", R), ("CidrBlock", "10.0.0.0/16"), ("ResourceGroupId", "rg-net"))).Success().GetProperty("VpcId").GetString()!;
        var otherVpc = await Fixtures.VpcAsync(c, "10.9.0.0/16");
        var vswId = await Fixtures.VSwitchAsync(c, vpcId, "10.0.1.0/24");
        var body = (await c.Vpc("DescribeRouteTableList", ("RegionId", R), ("VpcId", vpcId))).Success();
        var table = Fixtures.List(body, "RouterTableList", "RouterTableListType").Single();
        Assert.Equal(("vtb-" + vpcId[4..], "System", "vrt-" + vpcId[4..], "VRouter", vpcId, "rg-net", "", ""), (
            table.GetProperty("RouteTableId").GetString(), table.GetProperty("RouteTableType").GetString(), table.GetProperty("RouterId").GetString(),
            table.GetProperty("RouterType").GetString(), table.GetProperty("VpcId").GetString(), table.GetProperty("ResourceGroupId").GetString(),
            table.GetProperty("RouteTableName").GetString(), table.GetProperty("Description").GetString()));
        Assert.Equal(JsonValueKind.True, table.GetProperty("RoutePropagationEnable").ValueKind);
        Assert.Equal([vswId], table.GetProperty("VSwitchIds").GetProperty("VSwitchId").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(1, body.GetProperty("TotalCount").GetInt32());

        async Task<string[]> Tables(params (string, string)[] filters) =>
            Fixtures.List((await c.Vpc("DescribeRouteTableList", [("RegionId", R), .. filters])).Success(), "RouterTableList", "RouterTableListType")
                .Select(t => t.GetProperty("VpcId").GetString()!).ToArray();
        Assert.Equal([vpcId, otherVpc], await Tables());
        Assert.Equal([otherVpc], await Tables(("RouteTableId", "vtb-" + otherVpc[4..])));
        Assert.Equal([otherVpc], await Tables(("RouterId", "vrt-" + otherVpc[4..])));
        Assert.Equal([vpcId], await Tables(("ResourceGroupId", "rg-net")));
        Assert.Equal([vpcId, otherVpc], await Tables(("RouteTableType", "System"), ("RouterType", "VRouter")));
        Assert.Empty(await Tables(("RouteTableType", "Custom")));
        Assert.Empty(await Tables(("RouterType", "VBR")));
        Assert.Empty(await Tables(("RouteTableName", "main")));
        (await c.Vpc("ModifyRouteTableAttributes", ("RegionId", R), ("RouteTableId", "vtb-" + vpcId[4..]), ("RouteTableName", "main"))).Success();
        Assert.Equal([vpcId], await Tables(("RouteTableName", "main")));
        Assert.Empty(await Tables(("Tag.1.Key", "env"), ("Tag.1.Value", "prod")));
        Assert.Equal([otherVpc], await Tables(("PageSize", "1"), ("PageNumber", "2")));
    }

    [Fact]
    public async Task ModifyRouteTableAttributes_SetsAndClearsTheSystemTablesNameDescriptionAndPropagation()
    {
        var c = await shared.NewClientAsync();
        var vpcId = await Fixtures.VpcAsync(c);
        var tableId = "vtb-" + vpcId[4..];
        async Task<(string, string, bool)> Table()
        {
            var t = Fixtures.List((await c.Vpc("DescribeRouteTableList", ("RegionId", R), ("RouteTableId", tableId))).Success(), "RouterTableList", "RouterTableListType").Single();
            return (t.GetProperty("RouteTableName").GetString()!, t.GetProperty("Description").GetString()!, t.GetProperty("RoutePropagationEnable").GetBoolean());
        }
        (await c.Vpc("ModifyRouteTableAttributes", ("RegionId", R), ("RouteTableId", tableId), ("RouteTableName", "main"), ("Description", "system"),
            ("RoutePropagationEnable", "false"))).Success();
        Assert.Equal(("main", "system", false), await Table());
        (await c.Vpc("ModifyRouteTableAttributes", ("RegionId", R), ("RouteTableId", tableId), ("Description", ""), ("RoutePropagationEnable", "true"))).Success();
        Assert.Equal(("main", "", true), await Table());

        var other = await shared.NewClientAsync();
        (await other.Vpc("ModifyRouteTableAttributes", ("RegionId", R), ("RouteTableId", tableId), ("RouteTableName", "x"))).Error("InvalidRouteTableId.NotFound", 404);
        (await c.Vpc("ModifyRouteTableAttributes", ("RegionId", R), ("RouteTableId", "rtb-1"), ("RouteTableName", "x"))).Error("InvalidRouteTableId.NotFound", 404);
        (await c.Vpc("ModifyRouteTableAttributes", ("RegionId", R), ("RouteTableId", tableId), ("RouteTableName", "https://x"))).Error("InvalidParameter", 400);
        Assert.Equal(("main", "", true), await Table());
    }

    [Fact]
    public async Task Delete_WithDryRun_ChecksEverything_AndDeletesNothing()
    {
        var c = await shared.NewClientAsync();
        var vpcId = await Fixtures.VpcAsync(c);
        var vswId = await Fixtures.VSwitchAsync(c, vpcId);
        (await c.Vpc("DeleteVpc", ("RegionId", R), ("VpcId", vpcId), ("DryRun", "true"))).Error("DependencyViolation.VSwitch", 400);
        (await c.Vpc("DeleteVSwitch", ("RegionId", R), ("VSwitchId", vswId), ("DryRun", "true"))).Error("DryRunOperation", 400);
        await VSwitchAttributesAsync(c, vswId);
        (await c.Vpc("DeleteVSwitch", ("RegionId", R), ("VSwitchId", vswId))).Success();
        (await c.Vpc("DeleteVpc", ("RegionId", R), ("VpcId", vpcId), ("DryRun", "true"), ("ForceDelete", "true"))).Error("DryRunOperation", 400);
        await VpcAttributeAsync(c, vpcId);
        (await c.Vpc("DeleteVpc", ("RegionId", R), ("VpcId", vpcId), ("ForceDelete", "true"))).Success();
        (await c.Vpc("DescribeVpcAttribute", ("RegionId", R), ("VpcId", vpcId))).Error("InvalidVpcId.NotFound", 404);
    }
}
