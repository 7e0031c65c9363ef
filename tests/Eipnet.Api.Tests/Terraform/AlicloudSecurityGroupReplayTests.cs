using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Terraform;

/// <summary>alicloud_security_group and alicloud_security_group_rule through the provider's own call sequences, on both
/// databases: create, refresh (the plan after apply is empty), an update of each updatable attribute, import, destroy
/// (issue 12).</summary>
public sealed class AlicloudSecurityGroupReplayTests
{
    private static Task<TerraformState> ReadGroupAndCheckPlanAsync(ProviderClient c, string id, TerraformConfig config) =>
        Replay.ReadAndCheckPlanAsync(() => AlicloudSecurityGroup.ReadAsync(c, id), $"security group {id}", config, AlicloudSecurityGroup.Optional);

    private static Task<TerraformState> ReadRuleAndCheckPlanAsync(ProviderClient c, string id, TerraformConfig config) =>
        Replay.ReadAndCheckPlanAsync(() => AlicloudSecurityGroupRule.ReadAsync(c, id), $"rule {id}", AlicloudSecurityGroupRule.WithDefaults(config),
            AlicloudSecurityGroupRule.Optional);

    [Theory, MemberData(nameof(Replay.Backends), MemberType = typeof(Replay))]
    public async Task SecurityGroup_CreateRefreshUpdateImportDestroy_LeavesEveryPlanEmpty(Backend backend)
    {
        await using var server = await TestServer.StartAsync(backend);
        var c = await Replay.ClientAsync(server);
        var vpc = await AlicloudVpc.CreateAsync(c, TerraformConfig.Of(("cidr_block", "10.0.0.0/16")));

        var config = TerraformConfig.Of(("vpc_id", vpc), ("security_group_name", "tf-sg"), ("inner_access_policy", "Accept")).WithTags(("env", "prod"));
        var id = await AlicloudSecurityGroup.CreateAsync(c, config);
        var state = await ReadGroupAndCheckPlanAsync(c, id, config);
        Assert.Equal(("normal", "", "", "true"), (state["security_group_type"], state["description"], state["resource_group_id"], state["inner_access"]));

        TerraformConfig[] updates =
        [
            config.With("description", "web servers"),
            config.With("description", "web servers").With("security_group_name", "tf-sg-2"),
            config.With("security_group_name", "tf-sg-2"),
            config.With("security_group_name", "tf-sg-2").With("resource_group_id", "rg-acfmtf01"),
            config.With("security_group_name", "tf-sg-2").With("resource_group_id", "rg-acfmtf01").WithTags(("env", "staging"), ("owner", "ops")),
            config.With("security_group_name", "tf-sg-2").With("resource_group_id", "rg-acfmtf01").WithTags(),
        ];
        foreach (var next in updates)
        {
            await AlicloudSecurityGroup.UpdateAsync(c, id, config, next);
            state = await ReadGroupAndCheckPlanAsync(c, id, next);
            config = next;
        }
        Assert.Equal(("tf-sg-2", "", "rg-acfmtf01"), (state["security_group_name"], state["description"], state["resource_group_id"]));

        // inner_access_policy = "Drop" is refused: Eipnet's data plane lets members of a group reach each other.
        (await c.Ecs("ModifySecurityGroupPolicy", [("SecurityGroupId", id), ("RegionId", c.Region), ("InnerAccessPolicy", "Drop")])).Error("InvalidParameter", 400);

        var imported = await ReadGroupAndCheckPlanAsync(c, id, config);
        Assert.Equal(state.Attributes, imported.Attributes);

        await AlicloudSecurityGroup.DeleteAsync(c, id);
        Assert.Null(await AlicloudSecurityGroup.ReadAsync(c, id));
        await AlicloudVpc.DeleteAsync(c, vpc);
    }

    [Theory, MemberData(nameof(Replay.Backends), MemberType = typeof(Replay))]
    public async Task SecurityGroupRule_CreateRefreshUpdateImportDestroy_LeavesEveryPlanEmpty(Backend backend)
    {
        await using var server = await TestServer.StartAsync(backend);
        var c = await Replay.ClientAsync(server);
        var vpc = await AlicloudVpc.CreateAsync(c, TerraformConfig.Of(("cidr_block", "10.0.0.0/16")));
        var sg = await AlicloudSecurityGroup.CreateAsync(c, TerraformConfig.Of(("vpc_id", vpc), ("security_group_name", "tf-sg")));
        var peer = await AlicloudSecurityGroup.CreateAsync(c, TerraformConfig.Of(("vpc_id", vpc), ("security_group_name", "tf-peer")));

        TerraformConfig[] rules =
        [
            // nic_type unset: the id carries "<nil>", which Read sends as NicType.
            TerraformConfig.Of(("security_group_id", sg), ("type", "ingress"), ("ip_protocol", "tcp"), ("port_range", "22/22"), ("cidr_ip", "203.0.113.0/24")),
            TerraformConfig.Of(("security_group_id", sg), ("type", "ingress"), ("ip_protocol", "icmp"), ("cidr_ip", "0.0.0.0/0"), ("policy", "drop"),
                ("priority", "10"), ("nic_type", "intranet"), ("description", "no ping")),
            TerraformConfig.Of(("security_group_id", sg), ("type", "ingress"), ("ip_protocol", "all"), ("source_security_group_id", peer)),
            TerraformConfig.Of(("security_group_id", sg), ("type", "egress"), ("ip_protocol", "udp"), ("port_range", "53/53"), ("cidr_ip", "198.51.100.0/24")),
        ];
        foreach (var config in rules)
        {
            var id = await AlicloudSecurityGroupRule.CreateAsync(c, config);
            var state = await ReadRuleAndCheckPlanAsync(c, id, config);
            Assert.Equal(("intranet", ""), (state["nic_type"], state["source_group_owner_id"]));

            // Only description is updatable: set, changed, removed.
            var current = config;
            foreach (var next in new[] { config.With("description", "managed"), config.With("description", "managed again"), config.Without("description") })
            {
                await AlicloudSecurityGroupRule.UpdateAsync(c, id, next);
                state = await ReadRuleAndCheckPlanAsync(c, id, next);
                current = next;
            }

            var imported = await ReadRuleAndCheckPlanAsync(c, id, current);
            Assert.Equal(state.Attributes, imported.Attributes);

            await AlicloudSecurityGroupRule.DeleteAsync(c, id, current);
            Assert.Null(await AlicloudSecurityGroupRule.ReadAsync(c, id));
            // A second destroy (a retry after a lost answer) finds nothing to revoke and succeeds.
            await AlicloudSecurityGroupRule.DeleteAsync(c, id, current);
        }

        await AlicloudSecurityGroup.DeleteAsync(c, sg);
        await AlicloudSecurityGroup.DeleteAsync(c, peer);
        await AlicloudVpc.DeleteAsync(c, vpc);
    }
}
