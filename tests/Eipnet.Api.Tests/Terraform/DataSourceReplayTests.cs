using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Terraform;

/// <summary>The alicloud_vpcs and alicloud_vswitches data sources through the provider's calls, on both databases:
/// every server-side filter they send narrows the result to what was asked for (issue 12).</summary>
public sealed class DataSourceReplayTests
{
    private static string Id(System.Text.Json.JsonElement item, string field) => item.GetProperty(field).GetString()!;

    [Theory, MemberData(nameof(Replay.Backends), MemberType = typeof(Replay))]
    public async Task VpcsAndVSwitches_DataSources_FindExactlyWhatTheirFiltersName(Backend backend)
    {
        await using var server = await TestServer.StartAsync(backend);
        var c = await Replay.ClientAsync(server);
        var prod = await AlicloudVpc.CreateAsync(c, TerraformConfig.Of(("cidr_block", "10.1.0.0/16"), ("vpc_name", "prod"), ("resource_group_id", "rg-prod"))
            .WithTags(("env", "prod")));
        var dev = await AlicloudVpc.CreateAsync(c, TerraformConfig.Of(("cidr_block", "10.2.0.0/16"), ("vpc_name", "dev")).WithTags(("env", "dev")));
        var plain = await AlicloudVpc.CreateAsync(c, TerraformConfig.Of(("cidr_block", "10.3.0.0/16"), ("vpc_name", "plain")));
        var web = await AlicloudVSwitch.CreateAsync(c, TerraformConfig.Of(("vpc_id", prod), ("cidr_block", "10.1.1.0/24"), ("zone_id", Fixtures.Zone))
            .WithTags(("tier", "web")));
        var db = await AlicloudVSwitch.CreateAsync(c, TerraformConfig.Of(("vpc_id", prod), ("cidr_block", "10.1.2.0/24"), ("zone_id", Fixtures.OtherZone)));
        var devVsw = await AlicloudVSwitch.CreateAsync(c, TerraformConfig.Of(("vpc_id", dev), ("cidr_block", "10.2.1.0/24"), ("zone_id", Fixtures.Zone)));

        async Task<string[]> Vpcs(params (string, string)[] filters) => (await DataSources.VpcsAsync(c, filters, pageSize: 2)).Select(v => Id(v.Vpc, "VpcId")).ToArray();
        Assert.Equal([prod, dev, plain], await Vpcs());
        Assert.Equal([prod], await Vpcs(("Tag.1.Key", "env"), ("Tag.1.Value", "prod")));
        Assert.Equal([dev], await Vpcs(("VpcName", "dev")));
        Assert.Equal([prod], await Vpcs(("ResourceGroupId", "rg-prod")));
        Assert.Empty(await Vpcs(("IsDefault", "true")));
        Assert.Equal([prod, dev, plain], await Vpcs(("IsDefault", "false")));
        var detailed = await DataSources.VpcsAsync(c, [], ids: [dev], details: true);
        Assert.Equal([(dev, "vtb-" + dev[4..])], detailed.Select(d => (Id(d.Vpc, "VpcId"), d.RouteTableId)));
        var prodItem = (await DataSources.VpcsAsync(c, [("VpcName", "prod")])).Single().Vpc;
        Assert.Equal([web, db], prodItem.GetProperty("VSwitchIds").GetProperty("VSwitchId").EnumerateArray().Select(e => e.GetString()!));

        async Task<string[]> VSwitches(params (string, string)[] filters) => (await DataSources.VSwitchesAsync(c, filters)).Select(v => Id(v, "VSwitchId")).ToArray();
        Assert.Equal([web, db, devVsw], await VSwitches());
        Assert.Equal([web, db], await VSwitches(("VpcId", prod)));
        Assert.Equal([web, devVsw], await VSwitches(("ZoneId", Fixtures.Zone)));
        Assert.Equal([web], await VSwitches(("Tag.1.Key", "tier"), ("Tag.1.Value", "web")));
        Assert.Equal([web, db], await VSwitches(("ResourceGroupId", "rg-prod")));
        Assert.Equal([devVsw], await VSwitches(("RouteTableId", "vtb-" + dev[4..])));
        Assert.Empty(await VSwitches(("VSwitchName", "nothing-is-called-this")));
    }
}
