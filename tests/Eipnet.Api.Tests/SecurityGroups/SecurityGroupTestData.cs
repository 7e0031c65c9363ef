using System.Security.Cryptography;
using System.Text.Json;
using Eipnet.Api.Tests.Infrastructure;
using Eipnet.Domain.Ids;
using Eipnet.Domain.Resources;
using Eipnet.Store;

namespace Eipnet.Api.Tests.SecurityGroups;

/// <summary>Networks, groups, ENIs and instances for the security group tests.</summary>
/// <remarks>ENIs and instances are written straight into the store (their actions belong to another change), shaped as
/// CreateNetworkInterface and RunInstances would leave them.</remarks>
public static class SecurityGroupTestData
{
    public const string Region = "cn-hangzhou", Zone = "cn-hangzhou-b";

    public sealed record Network(string VpcId, string VSwitchId);

    public static async Task<Network> NetworkAsync(RpcTestClient c, string region = Region, string zone = Zone)
    {
        var vpcId = (await c.Vpc("CreateVpc", ("RegionId", region), ("CidrBlock", "192.168.0.0/16"))).Success().GetProperty("VpcId").GetString()!;
        var vswId = (await c.Vpc("CreateVSwitch", ("RegionId", region), ("VpcId", vpcId), ("ZoneId", zone), ("CidrBlock", "192.168.1.0/24")))
            .Success().GetProperty("VSwitchId").GetString()!;
        return new Network(vpcId, vswId);
    }

    public static async Task<string> GroupAsync(RpcTestClient c, Network net, string? name = null, string region = Region)
    {
        var parameters = new List<(string, string)> { ("RegionId", region), ("VpcId", net.VpcId) };
        if (name is not null)
            parameters.Add(("SecurityGroupName", name));
        return (await c.Ecs("CreateSecurityGroup", [.. parameters])).Success().GetProperty("SecurityGroupId").GetString()!;
    }

    /// <summary>A secondary ENI in the network's vSwitch, in the given groups.</summary>
    public static async Task<NetworkInterface> EniAsync(
        TestServer server, RpcTestClient c, Network net, IReadOnlyList<string> groups, EniStatus status = EniStatus.Available,
        EniType type = EniType.Secondary, string? instanceId = null)
    {
        var eni = new NetworkInterface(
            ResourceIds.New(ResourceIds.NetworkInterface), c.Account.AccountId, Region, Zone, net.VpcId, net.VSwitchId, type, status,
            instanceId, type == EniType.Primary ? 0 : 1, Mac(), "192.168.1." + RandomNumberGenerator.GetInt32(10, 250), [], groups,
            "", "", true, DateTimeOffset.UtcNow,
            // A transition completes once the data plane applies its revision; this one never is, so the ENI stays as made.
            Transitions.IsTransitional(status) ? long.MaxValue : 0);
        await PutAsync(server, c, eni, eni.NetworkInterfaceId);
        return eni;
    }

    /// <summary>A Running instance with its primary ENI in the given groups.</summary>
    public static async Task<(Instance Instance, NetworkInterface PrimaryEni)> InstanceAsync(
        TestServer server, RpcTestClient c, Network net, IReadOnlyList<string> groups)
    {
        var instanceId = ResourceIds.New(ResourceIds.Instance);
        var eni = await EniAsync(server, c, net, groups, EniStatus.InUse, EniType.Primary, instanceId);
        var instance = new Instance(instanceId, c.Account.AccountId, Region, Zone, net.VpcId, net.VSwitchId, "ecs.g7.large", "aliyun_3_x64",
            "web", "web", "", InstanceStatus.Running, eni.NetworkInterfaceId, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, 0);
        await PutAsync(server, c, instance, instanceId);
        return (instance, eni);
    }

    /// <summary>A group written straight into the store (for quota tests, where 100 API calls would only cost time).</summary>
    public static async Task PutGroupAsync(TestServer server, RpcTestClient c, Network net, string region = Region)
    {
        var group = new SecurityGroup(ResourceIds.New(ResourceIds.SecurityGroup), c.Account.AccountId, region, net.VpcId, "bulk", "", "normal",
            DateTimeOffset.UtcNow, []);
        await PutAsync(server, c, group, group.SecurityGroupId);
    }

    public static Task<NetworkInterface?> ReadEniAsync(TestServer server, string eniId) =>
        server.Server.Store.ReadAsync(s => s.GetAsync<NetworkInterface>(eniId), CancellationToken.None);

    /// <summary>The group's rules as DescribeSecurityGroupAttribute shows them.</summary>
    public static async Task<JsonElement[]> RulesAsync(RpcTestClient c, string groupId, string direction = "all")
    {
        var body = (await c.Ecs("DescribeSecurityGroupAttribute", ("RegionId", Region), ("SecurityGroupId", groupId), ("Direction", direction))).Success();
        return body.GetProperty("Permissions").GetProperty("Permission").EnumerateArray().ToArray();
    }

    /// <summary>The group as DescribeSecurityGroups shows it.</summary>
    public static async Task<JsonElement> DescribeAsync(RpcTestClient c, string groupId)
    {
        var body = (await c.Ecs("DescribeSecurityGroups", ("RegionId", Region), ("SecurityGroupId", groupId))).Success();
        return Assert.Single(body.GetProperty("SecurityGroups").GetProperty("SecurityGroup").EnumerateArray());
    }

    private static async Task PutAsync<T>(TestServer server, RpcTestClient c, T item, string id) =>
        await server.Server.Store.WriteAsync(WriteScope.Account(c.Account.AccountId, id), async s =>
        {
            await s.PutAsync(item);
            return 0;
        }, CancellationToken.None);

    private static string Mac() =>
        "00:16:3e:" + string.Join(":", RandomNumberGenerator.GetBytes(3).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
}
