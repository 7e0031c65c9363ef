using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Terraform;

/// <summary>alicloud_vswitch through the provider's own call sequence, on both databases (issue 12).</summary>
public sealed class AlicloudVSwitchReplayTests
{
    private static Task<TerraformState> ReadAndCheckPlanAsync(ProviderClient c, string id, TerraformConfig config) =>
        Replay.ReadAndCheckPlanAsync(() => AlicloudVSwitch.ReadAsync(c, id), $"vSwitch {id}", config, AlicloudVSwitch.Optional);

    [Theory, MemberData(nameof(Replay.Backends), MemberType = typeof(Replay))]
    public async Task VSwitch_CreateRefreshUpdateImportDestroy_LeavesEveryPlanEmpty(Backend backend)
    {
        await using var server = await TestServer.StartAsync(backend);
        var c = await Replay.ClientAsync(server);
        var vpcId = await AlicloudVpc.CreateAsync(c, TerraformConfig.Of(("cidr_block", "10.0.0.0/16")));

        var config = TerraformConfig.Of(("vpc_id", vpcId), ("cidr_block", "10.0.1.0/24"), ("zone_id", Fixtures.Zone), ("vswitch_name", "tf-vsw"))
            .WithTags(("tier", "web"));
        var id = await AlicloudVSwitch.CreateAsync(c, config);
        var state = await ReadAndCheckPlanAsync(c, id, config);
        Assert.Equal(("Available", "", "false", ""), (state["status"], state["description"], state["enable_ipv6"], state["ipv6_cidr_block"]));

        TerraformConfig[] updates =
        [
            config.With("description", "front end"),
            config.With("description", "front end").With("vswitch_name", "tf-vsw-2"),
            config.With("description", "front end").With("vswitch_name", "tf-vsw-2").WithTags(("tier", "app"), ("env", "prod")),
            config.With("vswitch_name", "tf-vsw-2").WithTags(("env", "prod")),
        ];
        foreach (var next in updates)
        {
            await AlicloudVSwitch.UpdateAsync(c, id, config, next);
            state = await ReadAndCheckPlanAsync(c, id, next);
            config = next;
        }
        Assert.Equal(("tf-vsw-2", ""), (state["vswitch_name"], state["description"]));

        var imported = await ReadAndCheckPlanAsync(c, id, config);
        Assert.Equal(state.Attributes, imported.Attributes);

        // Destroy runs in dependency order; a VPC delete that comes too early gets the code the provider retries on.
        (await c.Vpc("DeleteVpc", [("VpcId", vpcId), ("RegionId", c.Region), ("ClientToken", ProviderClient.ClientToken("DeleteVpc"))]))
            .Error("DependencyViolation.VSwitch", 400);
        await AlicloudVSwitch.DeleteAsync(c, id);
        Assert.Null(await AlicloudVSwitch.ReadAsync(c, id));
        await AlicloudVpc.DeleteAsync(c, vpcId);
    }
}
