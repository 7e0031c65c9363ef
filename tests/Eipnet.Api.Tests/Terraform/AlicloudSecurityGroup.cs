using System.Text.Json;
using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Terraform;

/// <summary>resource_alicloud_security_group.go replayed (reference §3.3): every parameter in the body.</summary>
public static class AlicloudSecurityGroup
{
    public static readonly IReadOnlyList<(string Name, bool Computed)> Optional =
    [
        ("description", false), ("resource_group_id", true), ("security_group_name", true), ("security_group_type", true), ("vpc_id", true),
        ("inner_access_policy", true),
    ];

    /// <summary>Create: CreateSecurityGroup (tags and group included), then the update function for the new resource:
    /// DescribeSecurityGroupAttribute always (a failure fails the create), ModifySecurityGroupPolicy when set.</summary>
    public static async Task<string> CreateAsync(ProviderClient c, TerraformConfig config)
    {
        (string, string)[] body = [("RegionId", c.Region), ("ClientToken", ProviderClient.ClientToken("CreateSecurityGroup")),
            .. Set(config, "security_group_type", "SecurityGroupType"), .. config.Tags.SelectMany((t, i) => new[] { ($"Tag.{i + 1}.Key", t.Key), ($"Tag.{i + 1}.Value", t.Value) }),
            .. Set(config, "description", "Description"), .. Set(config, "vpc_id", "VpcId"), .. Set(config, "security_group_name", "SecurityGroupName"),
            .. Set(config, "resource_group_id", "ResourceGroupId")];
        var id = (await c.Ecs("CreateSecurityGroup", body)).Success().GetProperty("SecurityGroupId").GetString()!;
        (await AttributeAsync(c, id)).Success();
        if (config.Get("inner_access_policy") is { } policy)
            (await c.Ecs("ModifySecurityGroupPolicy", [("SecurityGroupId", id), ("RegionId", c.Region), ("ClientToken", ProviderClient.ClientToken("ModifySecurityGroupPolicy")),
                ("InnerAccessPolicy", policy)])).Success();
        return id;
    }

    /// <summary>Read: DescribeSecurityGroups with the singular SecurityGroupId, then DescribeSecurityGroupAttribute.</summary>
    public static async Task<TerraformState?> ReadAsync(ProviderClient c, string id)
    {
        var body = (await c.Ecs("DescribeSecurityGroups", [("SecurityGroupId", id), ("RegionId", c.Region)])).Success();
        if (Fixtures.List(body, "SecurityGroups", "SecurityGroup") is not [var g, ..] || g.GetProperty("SecurityGroupId").ValueKind == JsonValueKind.Null)
            return null;
        var attribute = await AttributeAsync(c, id);
        if (ProviderClient.IsNotFound(attribute) || attribute.Code == "InvalidSecurityGroupId.NotFound")
            return null;
        var a = new Dictionary<string, string>
        {
            ["create_time"] = ProviderTags.Text(g, "CreationTime"), ["description"] = ProviderTags.Text(g, "Description"),
            ["resource_group_id"] = ProviderTags.Text(g, "ResourceGroupId"), ["security_group_name"] = ProviderTags.Text(g, "SecurityGroupName"),
            ["name"] = ProviderTags.Text(g, "SecurityGroupName"), ["security_group_type"] = ProviderTags.Text(g, "SecurityGroupType"),
            ["vpc_id"] = ProviderTags.Text(g, "VpcId"), ["inner_access_policy"] = ProviderTags.Text(attribute.Success(), "InnerAccessPolicy"),
        };
        a["inner_access"] = a["inner_access_policy"] == "Accept" ? "true" : "false";
        return new TerraformState(a, ProviderTags.ReadEcs(g));
    }

    /// <summary>Update: ModifySecurityGroupAttribute with what changed, ModifySecurityGroupPolicy, JoinResourceGroup, tags.</summary>
    public static async Task UpdateAsync(ProviderClient c, string id, TerraformConfig before, TerraformConfig after)
    {
        (string, string)[] body = [("SecurityGroupId", id), ("RegionId", c.Region)];
        if (after.Changed(before, "security_group_name", computed: true))
            body = [.. body, ("SecurityGroupName", after.Get("security_group_name")!)];
        if (after.Changed(before, "description"))
            body = [.. body, ("Description", after.Get("description") ?? "")];
        if (body.Length > 2)
            (await c.Ecs("ModifySecurityGroupAttribute", body)).Success();
        if (after.Changed(before, "inner_access_policy", computed: true))
            (await c.Ecs("ModifySecurityGroupPolicy", [("SecurityGroupId", id), ("RegionId", c.Region), ("ClientToken", ProviderClient.ClientToken("ModifySecurityGroupPolicy")),
                ("InnerAccessPolicy", after.Get("inner_access_policy")!)])).Success();
        if (after.Get("resource_group_id") is { } group && after.Changed(before, "resource_group_id", computed: true))
            (await c.Ecs("JoinResourceGroup", [("ResourceId", id), ("RegionId", c.Region), ("ResourceType", "securitygroup"), ("ResourceGroupId", group)])).Success();
        if (ProviderTags.Differ(before.Tags, after.Tags))
            await ProviderTags.SetEcsAsync(c, id, "securitygroup", before.Tags, after.Tags);
    }

    /// <summary>Delete: DeleteSecurityGroup, retried on DependencyViolation; not found counts as done. No wait.</summary>
    public static async Task DeleteAsync(ProviderClient c, string id)
    {
        var refused = await Replay.DeleteAsync($"security group {id} deleted", () => c.Ecs("DeleteSecurityGroup", [("SecurityGroupId", id), ("RegionId", c.Region)]),
            ["DependencyViolation"], "InvalidSecurityGroupId.NotFound");
        Assert.Null(refused?.Raw);
    }

    private static Task<RpcResult> AttributeAsync(ProviderClient c, string id) =>
        c.Ecs("DescribeSecurityGroupAttribute", [("SecurityGroupId", id), ("RegionId", c.Region)]);

    private static (string, string)[] Set(TerraformConfig config, string attribute, string parameter) =>
        config.Get(attribute) is { } v ? [(parameter, v)] : [];
}
