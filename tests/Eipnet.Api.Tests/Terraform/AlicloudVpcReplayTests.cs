using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Terraform;

/// <summary>alicloud_vpc through the provider's own call sequence, on both databases: create, refresh (the plan after
/// apply is empty), an update of each updatable attribute, import, destroy (issue 12).</summary>
public sealed class AlicloudVpcReplayTests
{
    private static Task<TerraformState> ReadAndCheckPlanAsync(ProviderClient c, string id, TerraformConfig config) =>
        Replay.ReadAndCheckPlanAsync(() => AlicloudVpc.ReadAsync(c, id), $"VPC {id}", config, AlicloudVpc.Optional);

    [Theory, MemberData(nameof(Replay.Backends), MemberType = typeof(Replay))]
    public async Task Vpc_CreateRefreshUpdateImportDestroy_LeavesEveryPlanEmpty(Backend backend)
    {
        await using var server = await TestServer.StartAsync(backend);
        var c = await Replay.ClientAsync(server);

        var config = TerraformConfig.Of(("cidr_block", "10.0.0.0/16"), ("vpc_name", "tf-vpc")).WithTags(("env", "prod"), ("team", "net"));
        var id = await AlicloudVpc.CreateAsync(c, config);
        var state = await ReadAndCheckPlanAsync(c, id, config);
        Assert.Equal(("Available", "", "", "", "false", "DISABLED"), (state["status"], state["resource_group_id"], state["description"],
            state["system_route_table_name"], state["classic_link_enabled"], state["dns_hostname_status"]));
        Assert.Equal("vtb-" + id[4..], state["route_table_id"]);

        TerraformConfig[] updates =
        [
            config.With("description", "managed by terraform"),
            config.With("description", "managed by terraform").With("vpc_name", "tf-vpc-2"),
            config.With("description", "managed by terraform").With("vpc_name", "tf-vpc-2").With("cidr_block", "10.0.0.0/8"),
            config.With("vpc_name", "tf-vpc-2").With("cidr_block", "10.0.0.0/8").With("dns_hostname_status", "ENABLED"),
            config.With("vpc_name", "tf-vpc-2").With("cidr_block", "10.0.0.0/8").With("dns_hostname_status", "ENABLED").With("resource_group_id", "rg-acfmtf01"),
            config.With("vpc_name", "tf-vpc-2").With("cidr_block", "10.0.0.0/8").With("resource_group_id", "rg-acfmtf01").WithTags(("env", "staging"), ("owner", "ops")),
            config.With("vpc_name", "tf-vpc-2").With("cidr_block", "10.0.0.0/8").With("resource_group_id", "rg-acfmtf01").WithTags(),
            config.With("vpc_name", "tf-vpc-2").With("cidr_block", "10.0.0.0/8").With("resource_group_id", "rg-acfmtf01")
                .With("system_route_table_name", "main").With("system_route_table_description", "system table")
                .With("system_route_table_route_propagation_enable", "false"),
            config.With("vpc_name", "tf-vpc-2").With("cidr_block", "10.0.0.0/8").With("resource_group_id", "rg-acfmtf01")
                .With("system_route_table_name", "main").With("system_route_table_route_propagation_enable", "true"),
        ];
        foreach (var next in updates)
        {
            await AlicloudVpc.UpdateAsync(c, id, config, next);
            state = await ReadAndCheckPlanAsync(c, id, next);
            config = next;
        }
        Assert.Equal(("tf-vpc-2", "10.0.0.0/8", "rg-acfmtf01", "", "main", ""), (state["vpc_name"], state["cidr_block"], state["resource_group_id"],
            state["description"], state["system_route_table_name"], state["system_route_table_description"]));

        // Import passes the id to Read: the imported state is the applied one, and the plan against the configuration is empty.
        var imported = await ReadAndCheckPlanAsync(c, id, config);
        Assert.Equal(state.Attributes, imported.Attributes);

        await AlicloudVpc.DeleteAsync(c, id);
        Assert.Null(await AlicloudVpc.ReadAsync(c, id));
    }

    [Theory, MemberData(nameof(Replay.Backends), MemberType = typeof(Replay))]
    public async Task Vpc_CreatedWithEveryOptionalAttribute_ReadsBackAsWritten(Backend backend)
    {
        await using var server = await TestServer.StartAsync(backend);
        var c = await Replay.ClientAsync(server);
        var config = TerraformConfig.Of(("cidr_block", "172.16.0.0/12"), ("vpc_name", "full"), ("description", "every field"),
            ("resource_group_id", "rg-acfmfull"), ("dns_hostname_status", "ENABLED"), ("system_route_table_name", "main"),
            ("system_route_table_description", "system table"), ("system_route_table_route_propagation_enable", "false")).WithTags(("a", "1"), ("b", ""));
        var id = await AlicloudVpc.CreateAsync(c, config);
        await ReadAndCheckPlanAsync(c, id, config);
        await AlicloudVpc.DeleteAsync(c, id);
    }
}
