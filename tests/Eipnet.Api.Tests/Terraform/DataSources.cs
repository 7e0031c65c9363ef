using System.Globalization;
using System.Text.Json;
using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Terraform;

/// <summary>data_source_alicloud_vpcs.go and data_source_alicloud_vswitches.go replayed (reference §4): the paging loop,
/// the filters sent to the server, those applied client-side, and the objects each item must carry.</summary>
public static class DataSources
{
    /// <summary>alicloud_vpcs: DescribeVpcs page by page until a page is shorter than PageSize; ids filtered client-side;
    /// with details, the system route table of each VPC.</summary>
    public static async Task<IReadOnlyList<(JsonElement Vpc, string RouteTableId)>> VpcsAsync(ProviderClient c, (string, string)[] filters,
        IReadOnlyCollection<string>? ids = null, int pageSize = 50, bool details = false)
    {
        var found = new List<(JsonElement, string)>();
        for (var page = 1; ; page++)
        {
            var body = (await c.Vpc("DescribeVpcs", [("RegionId", c.Region), .. filters, ("PageNumber", page.ToString(CultureInfo.InvariantCulture)),
                ("PageSize", pageSize.ToString(CultureInfo.InvariantCulture))])).Success();
            var items = Fixtures.List(body, "Vpcs", "Vpc");
            foreach (var vpc in items)
            {
                // The provider asserts these are objects; anything else panics it.
                foreach (var (outer, inner) in new[] { ("SecondaryCidrBlocks", "SecondaryCidrBlock"), ("UserCidrs", "UserCidr"), ("VSwitchIds", "VSwitchId") })
                    Assert.Equal(JsonValueKind.Array, vpc.GetProperty(outer).GetProperty(inner).ValueKind);
                ProviderTags.Read(vpc);
                ProviderTags.Bool(vpc, "IsDefault");
                var id = vpc.GetProperty("VpcId").GetString()!;
                if (ids is not null && !ids.Contains(id))
                    continue;
                var routeTableId = details ? ProviderTags.Text((await AlicloudVpc.SystemRouteTableAsync(c, id))!.Value, "RouteTableId") : "";
                found.Add((vpc, routeTableId));
            }
            if (items.Length < pageSize)
                return found;
        }
    }

    /// <summary>alicloud_vswitches: DescribeVSwitches with PageSize 50, page by page until a page has fewer than 50.</summary>
    public static async Task<IReadOnlyList<JsonElement>> VSwitchesAsync(ProviderClient c, (string, string)[] filters)
    {
        var found = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var body = (await c.Vpc("DescribeVSwitches", [("RegionId", c.Region), ("PageSize", "50"), ("PageNumber", page.ToString(CultureInfo.InvariantCulture)),
                .. filters])).Success();
            var items = Fixtures.List(body, "VSwitches", "VSwitch");
            foreach (var vsw in items)
            {
                Assert.Equal(JsonValueKind.String, vsw.GetProperty("RouteTable").GetProperty("RouteTableId").ValueKind);
                ProviderTags.Read(vsw);
                found.Add(vsw);
            }
            if (items.Length < 50)
                return found;
        }
    }
}
