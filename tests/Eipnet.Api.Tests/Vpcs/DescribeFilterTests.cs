using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Vpcs;

/// <summary>No filter of DescribeVpcs or DescribeVSwitches is silently ignored: every documented parameter, sent with a
/// value that the resource has and with one it does not, either filters or is refused (issue 12).</summary>
/// <remarks>The documented parameters are those of the official SDK's request models (@alicloud/vpc20160428 7.3.2).
/// Tenancy parameters (OwnerId, OwnerAccount, ResourceOwnerId, ResourceOwnerAccount) are not filters: they are accepted
/// and have no effect, as on Alibaba's own endpoint (docs/decisions.md).</remarks>
public sealed class DescribeFilterTests(DescribeFilterTests.World world) : IClassFixture<DescribeFilterTests.World>
{
    private const string R = Fixtures.Region;

    /// <summary>One account with a VPC "keep" (group rg-keep, tag env=prod) holding a vSwitch "keep" (tag env=prod), and a
    /// second VPC and vSwitch that match none of the filters below.</summary>
    public sealed class World : FilterAuditWorld
    {
        protected override async Task SeedAsync(RpcTestClient client)
        {
            var vpc = (await Client.Vpc("CreateVpc", ("RegionId", R), ("CidrBlock", "10.0.0.0/16"), ("VpcName", "keep"), ("ResourceGroupId", "rg-keep"),
                ("Tag.1.Key", "env"), ("Tag.1.Value", "prod"))).Success().GetProperty("VpcId").GetString()!;
            var vsw = (await Client.Vpc("CreateVSwitch", ("RegionId", R), ("VpcId", vpc), ("ZoneId", Fixtures.Zone), ("CidrBlock", "10.0.1.0/24"),
                ("VSwitchName", "keep"), ("Tag.1.Key", "env"), ("Tag.1.Value", "prod"))).Success().GetProperty("VSwitchId").GetString()!;
            var otherVpc = await Fixtures.VpcAsync(Client, "10.1.0.0/16");
            await Fixtures.VSwitchAsync(Client, otherVpc, "10.1.1.0/24", Fixtures.OtherZone);
            Values["{vpc}"] = vpc;
            Values["{vsw}"] = vsw;
            Values["{vtb}"] = "vtb-" + vpc[4..];
            Values["{othervtb}"] = "vtb-" + otherVpc[4..];
            Values["{owner}"] = Eipnet.Api.Rpc.Owners.NumericId(Client.Account.AccountId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public static readonly string[] DescribeVpcsParameters =
        ["DhcpOptionsSetId", "DryRun", "EnableIpv6", "IsDefault", "PageNumber", "PageSize", "RegionId", "ResourceGroupId", "Tag", "VpcId", "VpcName", "VpcOwnerId"];

    public static readonly string[] DescribeVSwitchesParameters =
        ["DryRun", "EnableIpv6", "IsDefault", "PageNumber", "PageSize", "RegionId", "ResourceGroupId", "RouteTableId", "Tag", "VSwitchId", "VSwitchName",
         "VSwitchOwnerId", "VpcId", "ZoneId"];

    // filter                 value the kept resource has       value it does not have (null: none exists)
    public static TheoryData<string, string, string?> VpcFilters => new()
    {
        { "VpcId",            "{vpc}",                           "vpc-0000000000000000000x" },
        { "VpcName",          "keep",                            "other" },
        { "ResourceGroupId",  "rg-keep",                         "rg-other" },
        { "Tag",              "env=prod",                        "env=dev" },
        { "IsDefault",        "false",                           "true" },
        { "EnableIpv6",       "false",                           "true" },
        { "DhcpOptionsSetId", "",                                "dopt-0000000000000000000x" },
        { "VpcOwnerId",       "{owner}",                         "1000000000000001" },
        { "DryRun",           "false",                           "true" },
        { "PageNumber",       "1",                               "3" },
        { "PageSize",         "2",                               null },
        { "RegionId",         R,                                 "cn-shanghai" },
    };

    public static TheoryData<string, string, string?> VSwitchFilters => new()
    {
        { "VSwitchId",        "{vsw}",                           "vsw-0000000000000000000x" },
        { "VpcId",            "{vpc}",                           "vpc-0000000000000000000x" },
        { "ZoneId",           Fixtures.Zone,                     "cn-hangzhou-k" },
        { "VSwitchName",      "keep",                            "other" },
        { "ResourceGroupId",  "rg-keep",                         "rg-other" },
        { "RouteTableId",     "{vtb}",                           "{othervtb}" },
        { "Tag",              "env=prod",                        "env=dev" },
        { "IsDefault",        "false",                           "true" },
        { "EnableIpv6",       "false",                           "true" },
        { "VSwitchOwnerId",   "{owner}",                         "1000000000000001" },
        { "DryRun",           "false",                           "true" },
        { "PageNumber",       "1",                               "3" },
        { "PageSize",         "2",                               null },
        { "RegionId",         R,                                 "cn-shanghai" },
    };

    [Fact]
    public void Rows_CoverEveryDocumentedParameter()
    {
        Assert.Equal(DescribeVpcsParameters.Order(), VpcFilters.Select(r => (string)r[0]).Order());
        Assert.Equal(DescribeVSwitchesParameters.Order(), VSwitchFilters.Select(r => (string)r[0]).Order());
    }

    [Theory, MemberData(nameof(VpcFilters))]
    public Task DescribeVpcs_Filter_FiltersOrIsRefused(string filter, string having, string? lacking) =>
        CheckAsync("DescribeVpcs", "Vpcs", "Vpc", "VpcId", "{vpc}", filter, having, lacking);

    [Theory, MemberData(nameof(VSwitchFilters))]
    public Task DescribeVSwitches_Filter_FiltersOrIsRefused(string filter, string having, string? lacking) =>
        CheckAsync("DescribeVSwitches", "VSwitches", "VSwitch", "VSwitchId", "{vsw}", filter, having, lacking);

    private Task CheckAsync(string action, string outer, string inner, string idField, string kept, string filter, string having, string? lacking) =>
        FilterAudit.CheckAsync(world.Client, world.Values, RpcTestClient.VpcVersion, action, (outer, inner, idField), kept, filter, having, lacking);
}
