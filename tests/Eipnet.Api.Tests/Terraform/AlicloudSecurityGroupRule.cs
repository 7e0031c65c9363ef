using System.Text.Json;
using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Terraform;

/// <summary>resource_alicloud_security_group_rule.go replayed (reference §3.4): the id's eight parts, v1 reads, the tea
/// Authorize call, and the CommonRequest Modify and Revoke (GET, all in the query; HTTPS in the provider, which Eipnet
/// does not serve yet, so they travel over HTTP here).</summary>
public static class AlicloudSecurityGroupRule
{
    public static readonly IReadOnlyList<(string Name, bool Computed)> Optional =
    [
        ("policy", false), ("priority", false), ("cidr_ip", false), ("source_security_group_id", false), ("source_group_owner_id", false),
        ("port_range", false), ("nic_type", true), ("description", false), ("ipv6_cidr_ip", false), ("prefix_list_id", true),
    ];

    /// <summary>The configuration with the schema's defaults filled in (policy accept, priority 1, port_range -1/-1).</summary>
    public static TerraformConfig WithDefaults(TerraformConfig config)
    {
        foreach (var (name, value) in new[] { ("policy", "accept"), ("priority", "1"), ("port_range", "-1/-1") })
            config = config.Get(name) is null ? config.With(name, value) : config;
        return config;
    }

    /// <summary>Create: v1 DescribeSecurityGroupAttribute (the group must exist), the tea Authorize call with Permissions.1.*,
    /// then Read, which must find the rule at once.</summary>
    public static async Task<string> CreateAsync(ProviderClient c, TerraformConfig config)
    {
        config = WithDefaults(config);
        var sg = config.Get("security_group_id")!;
        var ingress = config.Get("type") == "ingress";
        var group = (await c.EcsV1("DescribeSecurityGroupAttribute", [("SecurityGroupId", sg), ("RegionId", c.Region)])).Success();
        Assert.Equal(sg, group.GetProperty("SecurityGroupId").GetString());
        (string, string)[] body = [("RegionId", c.Region), ("SecurityGroupId", sg), ("Permissions.1.IpProtocol", config.Get("ip_protocol")!),
            ("Permissions.1.Policy", config.Get("policy")!), ("Permissions.1.Priority", config.Get("priority")!), ("Permissions.1.PortRange", config.Get("port_range")!),
            ("Permissions.1.Description", config.Get("description") ?? ""), .. Set(config, "nic_type", "Permissions.1.NicType"),
            .. Set(config, "cidr_ip", ingress ? "Permissions.1.SourceCidrIp" : "Permissions.1.DestCidrIp"),
            .. Set(config, "source_security_group_id", ingress ? "Permissions.1.SourceGroupId" : "Permissions.1.DestGroupId")];
        (await c.Ecs(ingress ? "AuthorizeSecurityGroup" : "AuthorizeSecurityGroupEgress", body)).Success();
        var id = string.Join(":", sg, config.Get("type"), config.Get("ip_protocol"), config.Get("port_range"), config.Get("nic_type") ?? "<nil>",
            config.Get("cidr_ip") ?? config.Get("source_security_group_id"), config.Get("policy"), config.Get("priority"));
        Assert.NotNull(await ReadAsync(c, id));
        return id;
    }

    /// <summary>Read: v1 DescribeSecurityGroupAttribute with the id's Direction and NicType (&lt;nil&gt; when unset), then the
    /// scan for the permission that matches the id.</summary>
    public static async Task<TerraformState?> ReadAsync(ProviderClient c, string id)
    {
        if (await FindAsync(c, id) is not { } p)
            return null;
        var parts = id.Split(':');
        var ingress = parts[1] == "ingress";
        var a = new Dictionary<string, string>
        {
            ["type"] = p.GetProperty("Direction").GetString()!, ["ip_protocol"] = p.GetProperty("IpProtocol").GetString()!.ToLowerInvariant(),
            ["nic_type"] = p.GetProperty("NicType").GetString()!, ["policy"] = p.GetProperty("Policy").GetString()!.ToLowerInvariant(),
            ["port_range"] = p.GetProperty("PortRange").GetString()!, ["description"] = p.GetProperty("Description").GetString()!,
            ["security_group_rule_id"] = p.GetProperty("SecurityGroupRuleId").GetString()!, ["security_group_id"] = parts[0],
            ["priority"] = int.Parse(p.GetProperty("Priority").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["cidr_ip"] = p.GetProperty(ingress ? "SourceCidrIp" : "DestCidrIp").GetString()!,
            ["ipv6_cidr_ip"] = p.GetProperty(ingress ? "Ipv6SourceCidrIp" : "Ipv6DestCidrIp").GetString()!,
            ["source_security_group_id"] = p.GetProperty(ingress ? "SourceGroupId" : "DestGroupId").GetString()!,
            ["source_group_owner_id"] = p.GetProperty(ingress ? "SourceGroupOwnerAccount" : "DestGroupOwnerAccount").GetString()!,
            ["prefix_list_id"] = p.GetProperty(ingress ? "SourcePrefixListId" : "DestPrefixListId").GetString()!,
        };
        return new TerraformState(a, new Dictionary<string, string>());
    }

    /// <summary>Update of description: v1 DescribeSecurityGroupAttribute, then ModifySecurityGroup(Egress)Rule as a
    /// CommonRequest with every field (Description even when empty), sent twice as the provider does.</summary>
    public static async Task UpdateAsync(ProviderClient c, string id, TerraformConfig after)
    {
        (await c.EcsV1("DescribeSecurityGroupAttribute", [("SecurityGroupId", id.Split(':')[0]), ("RegionId", c.Region)])).Success();
        for (var i = 0; i < 2; i++)
            (await c.EcsV1(id.Split(':')[1] == "ingress" ? "ModifySecurityGroupRule" : "ModifySecurityGroupEgressRule",
                [.. RuleQuery(c, id, WithDefaults(after)), ("Description", after.Get("description") ?? "")], common: true)).Success();
    }

    /// <summary>Delete: inside a retry, v1 DescribeSecurityGroupAttribute then Revoke as a CommonRequest; every error but
    /// not-found is retried, so revoking a rule that is already gone must succeed.</summary>
    public static async Task DeleteAsync(ProviderClient c, string id, TerraformConfig config)
    {
        await Fixtures.WaitForAsync($"rule {id} revoked", async () =>
        {
            var group = await c.EcsV1("DescribeSecurityGroupAttribute", [("SecurityGroupId", id.Split(':')[0]), ("RegionId", c.Region)]);
            if (ProviderClient.IsNotFoundV1(group) || group.Code == "InvalidSecurityGroupId.NotFound")
                return group.Body;
            var r = await c.EcsV1(id.Split(':')[1] == "ingress" ? "RevokeSecurityGroup" : "RevokeSecurityGroupEgress",
                [.. RuleQuery(c, id, WithDefaults(config)), ("Description", config.Get("description") ?? "")], common: true);
            return r.Ok || ProviderClient.IsNotFoundV1(r) || r.Code == "InvalidSecurityGroupId.NotFound" ? r.Body : null;
        }, _ => true);
    }

    private static (string, string)[] RuleQuery(ProviderClient c, string id, TerraformConfig config)
    {
        var parts = id.Split(':');
        var ingress = parts[1] == "ingress";
        return [("RegionId", c.Region), ("SecurityGroupId", parts[0]), ("IpProtocol", parts[2]), ("PortRange", parts[3]), ("Policy", parts[6]),
            ("Priority", parts[7]), ("NicType", config.Get("nic_type") ?? "intranet"),
            .. Set(config, "cidr_ip", ingress ? "SourceCidrIp" : "DestCidrIp"),
            .. Set(config, "source_security_group_id", ingress ? "SourceGroupId" : "DestGroupId")];
    }

    private static async Task<JsonElement?> FindAsync(ProviderClient c, string id)
    {
        var parts = id.Split(':');
        var r = await c.EcsV1("DescribeSecurityGroupAttribute", [("SecurityGroupId", parts[0]), ("Direction", parts[1]), ("NicType", parts[4]),
            ("RegionId", c.Region)]);
        if (ProviderClient.IsNotFoundV1(r) || r.Code == "InvalidSecurityGroupId.NotFound")
            return null;
        var ingress = parts[1] == "ingress";
        return Fixtures.List(r.Success(), "Permissions", "Permission").Where(p =>
                p.GetProperty("IpProtocol").GetString()!.ToLowerInvariant() == parts[2] && p.GetProperty("PortRange").GetString() == parts[3]
                && (p.GetProperty(ingress ? "SourceCidrIp" : "DestCidrIp").GetString() == parts[5]
                    || p.GetProperty(ingress ? "SourceGroupId" : "DestGroupId").GetString() == parts[5])
                && p.GetProperty("Policy").GetString()!.ToLowerInvariant() == parts[6] && p.GetProperty("Priority").GetString() == parts[7])
            .Select(p => (JsonElement?)p).FirstOrDefault();
    }

    private static (string, string)[] Set(TerraformConfig config, string attribute, string parameter) =>
        config.Get(attribute) is { } v ? [(parameter, v)] : [];
}
