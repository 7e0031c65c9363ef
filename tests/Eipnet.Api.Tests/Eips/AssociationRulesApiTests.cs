using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Eips;

/// <summary>SPEC.md's association table over real HTTP: one row per line of the table (in its order), then one per decision.
/// Each scenario builds what it needs through the API and returns the answer to the call under test.</summary>
public sealed class AssociationRulesApiTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private static readonly Dictionary<string, (Func<Scene, Task<RpcResult>> Act, string? Expected, string Region, bool MultiEip)> Rows = new()
    {
        // ENI types.
        ["ENI types: NAT on a primary ENI"] = (async s => await s.AssociateAsync(await s.EipAsync(), (await s.InstanceAsync()).PrimaryEniId), null, "cn-shenzhen", true),
        ["ENI types: NAT on an instance (its primary ENI)"] = (async s => await s.AssociateAsync(await s.EipAsync(), (await s.InstanceAsync()).InstanceId, type: "EcsInstance"), null, "cn-shenzhen", true),
        ["ENI types: NAT on a secondary ENI"] = (async s => await s.AssociateAsync(await s.EipAsync(), await s.EniAsync()), null, "cn-shenzhen", true),
        ["ENI types: cut-through on a primary ENI"] = (async s => await s.AssociateAsync(await s.EipAsync(), (await s.InstanceAsync()).PrimaryEniId, "BINDED"), "InvalidOperation.InvalidEniType", "cn-shenzhen", true),
        ["ENI types: cut-through on a secondary ENI"] = (async s => await s.AssociateAsync(await s.EipAsync(), await s.EniAsync(), "BINDED"), null, "cn-shenzhen", true),
        ["ENI types: multi-EIP on a primary ENI"] = (async s => await s.AssociateAsync(await s.EipAsync(), (await s.InstanceAsync()).PrimaryEniId, "MULTI_BINDED"), "InvalidOperation.InvalidEniType", "cn-shenzhen", true),
        ["ENI types: multi-EIP on a secondary ENI"] = (async s => await s.AssociateAsync(await s.EipAsync(), await s.EniAsync(), "MULTI_BINDED"), null, "cn-shenzhen", true),
        // EIPs on a primary ENI: at most one, however it is addressed.
        ["Primary ENI: a second EIP on the instance"] = (async s =>
        {
            var (instance, _) = await s.InstanceAsync();
            await s.BoundEipAsync(instance, type: "EcsInstance");
            return await s.AssociateAsync(await s.EipAsync(), instance, type: "EcsInstance");
        }, "InvalidAssociation.Duplicated", "cn-shenzhen", true),
        ["Primary ENI: a second EIP through its ENI id"] = (async s =>
        {
            var (instance, primary) = await s.InstanceAsync();
            await s.BoundEipAsync(instance, type: "EcsInstance");
            return await s.AssociateAsync(await s.EipAsync(), primary, privateIp: null);
        }, "InvalidAssociation.Duplicated", "cn-shenzhen", true),
        // EIPs on a secondary ENI.
        ["Secondary NAT: one EIP per private IP"] = (async s =>
        {
            var eni = await s.EniAsync(secondaryIps: 2);
            var ips = await s.PrivateIpsAsync(eni);
            await s.BoundEipAsync(eni, privateIp: ips[0]);
            await s.BoundEipAsync(eni, privateIp: ips[1]);
            return await s.AssociateAsync(await s.EipAsync(), eni, privateIp: ips[2]);
        }, null, "cn-shenzhen", true),
        ["Secondary NAT: no more EIPs than private IPs"] = (async s =>
        {
            var eni = await s.EniAsync(secondaryIps: 1);
            var ips = await s.PrivateIpsAsync(eni);
            await s.BoundEipAsync(eni, privateIp: ips[0]);
            await s.BoundEipAsync(eni, privateIp: ips[1]);
            return await s.AssociateAsync(await s.EipAsync(), eni, privateIp: ips[1]);
        }, "InvalidAssociation.Duplicated", "cn-shenzhen", true),
        ["Secondary NAT: a private IP that is not the ENI's"] = (async s => await s.AssociateAsync(await s.EipAsync(), await s.EniAsync(), privateIp: "10.0.1.200"), "InvalidParameter", "cn-shenzhen", true),
        ["Secondary cut-through: exactly one EIP"] = (async s =>
        {
            var eni = await s.EniAsync();
            await s.BoundEipAsync(eni, "BINDED");
            return await s.AssociateAsync(await s.EipAsync(), eni, "BINDED");
        }, "InvalidAssociation.Duplicated", "cn-shenzhen", true),
        ["Secondary cut-through: on the primary private IP only"] = (async s =>
        {
            var eni = await s.EniAsync(secondaryIps: 1);
            return await s.AssociateAsync(await s.EipAsync(), eni, "BINDED", privateIp: (await s.PrivateIpsAsync(eni))[1]);
        }, "InvalidParameter", "cn-shenzhen", true),
        ["Secondary multi-EIP: ten EIPs"] = (async s =>
        {
            var eni = await s.EniAsync();
            for (var i = 0; i < 9; i++)
                await s.BoundEipAsync(eni, "MULTI_BINDED");
            return await s.AssociateAsync(await s.EipAsync(), eni, "MULTI_BINDED");
        }, null, "cn-shenzhen", true),
        ["Secondary multi-EIP: not an eleventh"] = (async s =>
        {
            var eni = await s.EniAsync();
            for (var i = 0; i < 10; i++)
                await s.BoundEipAsync(eni, "MULTI_BINDED");
            return await s.AssociateAsync(await s.EipAsync(), eni, "MULTI_BINDED");
        }, "QuotaExceeded.EipsPerNetworkInterface", "cn-shenzhen", true),
        ["Secondary multi-EIP: an eleventh once the quota is raised"] = (async s =>
        {
            var eni = await s.EniAsync();
            for (var i = 0; i < 10; i++)
                await s.BoundEipAsync(eni, "MULTI_BINDED");
            await s.Server.SetQuotaAsync(s.Client.Account.AccountId, "eips-per-eni", 11);
            return await s.AssociateAsync(await s.EipAsync(), eni, "MULTI_BINDED");
        }, null, "cn-shenzhen", true),
        // Regions.
        ["Regions: NAT in every region"] = (async s => await s.AssociateAsync(await s.EipAsync(), await s.EniAsync()), null, "ap-northeast-1", false),
        ["Regions: cut-through in a listed region"] = (async s => await s.AssociateAsync(await s.EipAsync(), await s.EniAsync(), "BINDED"), null, "cn-hangzhou", false),
        ["Regions: cut-through outside its list"] = (async s => await s.AssociateAsync(await s.EipAsync(), await s.EniAsync(), "BINDED"), "OperationUnsupported.ModeNotSupportedInRegion", "ap-northeast-1", false),
        ["Regions: multi-EIP outside its list"] = (async s => await s.AssociateAsync(await s.EipAsync(), await s.EniAsync(), "MULTI_BINDED"), "OperationUnsupported.ModeNotSupportedInRegion", "cn-hangzhou", true),
        // Who may use it.
        ["Who: multi-EIP without the allowlist"] = (async s => await s.AssociateAsync(await s.EipAsync(), await s.EniAsync(), "MULTI_BINDED"), "Forbidden.MultiBindedModeNotAllowed", "cn-shenzhen", false),
        ["Who: cut-through for everyone"] = (async s => await s.AssociateAsync(await s.EipAsync(), await s.EniAsync(), "BINDED"), null, "cn-shenzhen", false),
        // Decisions.
        ["Decision: one mode per ENI"] = (async s =>
        {
            var eni = await s.EniAsync(secondaryIps: 1);
            await s.BoundEipAsync(eni, "MULTI_BINDED");
            return await s.AssociateAsync(await s.EipAsync(), eni, "NAT", privateIp: (await s.PrivateIpsAsync(eni))[1]);
        }, "InvalidAssociation.ModeConflict", "cn-shenzhen", true),
        ["Decision: NAT on an attached secondary ENI"] = (async s =>
        {
            var eni = await s.EniAsync();
            await s.AttachAsync(eni, (await s.InstanceAsync()).InstanceId);
            return await s.AssociateAsync(await s.EipAsync(), eni);
        }, null, "cn-shenzhen", true),
        ["Decision: cut-through needs the ENI detached"] = (async s =>
        {
            var eni = await s.EniAsync();
            await s.AttachAsync(eni, (await s.InstanceAsync()).InstanceId);
            return await s.AssociateAsync(await s.EipAsync(), eni, "BINDED");
        }, "InvalidStatus.EniStatusNotSupport", "cn-shenzhen", true),
        ["Decision: multi-EIP needs the ENI detached"] = (async s =>
        {
            var eni = await s.EniAsync();
            await s.AttachAsync(eni, (await s.InstanceAsync()).InstanceId);
            return await s.AssociateAsync(await s.EipAsync(), eni, "MULTI_BINDED");
        }, "InvalidStatus.EniStatusNotSupport", "cn-shenzhen", true),
        ["Decision: an ENI with EIPs cannot be deleted"] = (async s =>
        {
            var eni = await s.EniAsync();
            await s.BoundEipAsync(eni);
            return await s.Client.Ecs("DeleteNetworkInterface", s.RegionId, ("NetworkInterfaceId", eni));
        }, "InvalidOperation.EniLinked", "cn-shenzhen", true),
        ["Decision: a private IP with an EIP cannot be unassigned"] = (async s =>
        {
            var eni = await s.EniAsync(secondaryIps: 1);
            var ip = (await s.PrivateIpsAsync(eni))[1];
            await s.BoundEipAsync(eni, privateIp: ip);
            return await s.Client.Ecs("UnassignPrivateIpAddresses", s.RegionId, ("NetworkInterfaceId", eni), ("PrivateIpAddress.1", ip));
        }, "InvalidOperation.EniLinked", "cn-shenzhen", true),
        ["Decision: attaching more private IPs than the type allows"] = (async s =>
        {
            var eni = await s.EniAsync(secondaryIps: 6); // 7 addresses; ecs.g6.large allows 6 per ENI
            return await s.Client.Ecs("AttachNetworkInterface", s.RegionId, ("NetworkInterfaceId", eni), ("InstanceId", (await s.InstanceAsync("ecs.g6.large")).InstanceId));
        }, "InvalidOperation.Ipv4CountExceeded", "cn-shenzhen", true),
        ["Decision: attaching more ENIs than the type allows"] = (async s =>
        {
            var (instance, _) = await s.InstanceAsync("ecs.g6.large"); // 2 ENIs: the primary and one more
            await s.AttachAsync(await s.EniAsync(), instance);
            return await s.Client.Ecs("AttachNetworkInterface", s.RegionId, ("NetworkInterfaceId", await s.EniAsync()), ("InstanceId", instance));
        }, "EniPerInstanceLimitExceeded", "cn-shenzhen", true),
    };

    public static TheoryData<string> Table => new(Rows.Keys);

    [Theory, MemberData(nameof(Table))]
    public async Task Associate_FollowsSpecTable(string rule)
    {
        var (act, expected, region, multiEip) = Rows[rule];
        var scene = await Scene.StartAsync(shared.Server, region, multiEip);
        var result = await act(scene);
        if (expected is null)
            Assert.True(result.Ok, $"{rule}: expected success, got {result.Raw}");
        else
            result.Error(expected);
    }
}
