using Eipnet.Api.Tests.Infrastructure;
using Eipnet.Domain.Resources;
using Eipnet.Store;

namespace Eipnet.Api.Tests.Eips;

/// <summary>Associations over time: visibility, transitional states, ENI migration, instance deletion, mode changes.</summary>
public sealed class AssociationLifecycleTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private Task<Scene> SceneAsync(string region = "cn-shenzhen") => Scene.StartAsync(shared.Server, region);

    [Fact]
    public async Task Associate_ShowsInstanceModeAndPrivateIp_AsSoonAsTheCallReturns()
    {
        var s = await SceneAsync();
        var eni = await s.EniAsync(secondaryIps: 1);
        var ips = await s.PrivateIpsAsync(eni);
        var eip = await s.EipAsync();
        (await s.AssociateAsync(eip, eni, privateIp: ips[1])).Success();
        var seen = await s.EipViewAsync(eip);
        Assert.Contains(seen.GetProperty("Status").GetString(), new[] { "Associating", "InUse" });
        Assert.Equal(eni, seen.GetProperty("InstanceId").GetString());
        Assert.Equal("NetworkInterface", seen.GetProperty("InstanceType").GetString());
        Assert.Equal("NAT", seen.GetProperty("Mode").GetString());
        Assert.Equal(ips[1], seen.GetProperty("PrivateIpAddress").GetString());
        await s.WaitForEipAsync(eip, "InUse");
    }

    [Fact]
    public async Task Associate_ShowsNoPrivateIpOnTheEip_WhenTheCallerNamedNone()
    {
        // Terraform's private_ip_address is Optional and not Computed (issue 12): a value it did not send is a diff on
        // every plan. The mapping is still visible on the ENI.
        var s = await SceneAsync();
        var eni = await s.EniAsync();
        var eip = await s.BoundEipAsync(eni);
        var view = await s.EipViewAsync(eip);
        Assert.Equal(("", "", "NAT"), (Str(view, "PrivateIpAddress"), Str(view, "VpcId"), Str(view, "Mode")));
        var primary = (await s.EniViewAsync(eni)).GetProperty("PrivateIpSets").GetProperty("PrivateIpSet")[0];
        Assert.Equal(eip, primary.GetProperty("AssociatedPublicIp").GetProperty("AllocationId").GetString());
        var (instance, _) = await s.InstanceAsync();
        var onInstance = await s.BoundEipAsync(instance, type: "EcsInstance");
        Assert.Equal("", Str(await s.EipViewAsync(onInstance), "PrivateIpAddress"));
    }

    private static string Str(System.Text.Json.JsonElement item, string name) => item.GetProperty(name).GetString()!;

    [Fact]
    public async Task TransitionalEip_AcceptsOnlyDescribeCalls()
    {
        var s = await SceneAsync();
        var eni = await s.EniAsync();
        var eip = await s.BoundEipAsync(eni);
        // Hold the EIP in Associating as if the data plane had not applied it yet.
        await shared.Server.Server.Store.WriteAsync(WriteScope.None, async st =>
        {
            var e = (await st.GetAsync<Eip>(eip))!;
            await st.PutAsync(e with { Status = EipStatus.Associating, Revision = long.MaxValue }, forDataPlane: false);
            return 0;
        }, CancellationToken.None);
        (await s.Client.Vpc("UnassociateEipAddress", ("AllocationId", eip))).Error("IncorrectEipStatus", 400);
        (await s.Client.Vpc("ReleaseEipAddress", ("AllocationId", eip))).Error("IncorrectEipStatus", 400);
        (await s.Client.Vpc("ModifyEipAddressAttribute", ("AllocationId", eip), ("Name", "x"))).Error("IncorrectEipStatus", 400);
        (await s.AssociateAsync(eip, await s.EniAsync())).Error("IncorrectEipStatus", 400);
        Assert.Equal("Associating", (await s.EipViewAsync(eip)).GetProperty("Status").GetString());
    }

    [Fact]
    public async Task MovingEni_CarriesItsPrivateAndPublicAddressesToTheNewInstance()
    {
        var s = await SceneAsync();
        var (a, _) = await s.InstanceAsync();
        var (b, _) = await s.InstanceAsync();
        var eni = await s.EniAsync(secondaryIps: 1);
        var ips = await s.PrivateIpsAsync(eni);
        await s.AttachAsync(eni, a);
        var first = await s.BoundEipAsync(eni, privateIp: ips[0]);
        var second = await s.BoundEipAsync(eni, privateIp: ips[1]);

        await s.DetachAsync(eni, a);
        await s.AttachAsync(eni, b);

        var view = await s.EniViewAsync(eni);
        Assert.Equal(b, view.GetProperty("Attachment").GetProperty("InstanceId").GetString());
        Assert.Equal(ips, await s.PrivateIpsAsync(eni));
        foreach (var (eip, ip) in new[] { (first, ips[0]), (second, ips[1]) })
        {
            var e = await s.EipViewAsync(eip);
            Assert.Equal(("InUse", eni, ip), (e.GetProperty("Status").GetString(), e.GetProperty("InstanceId").GetString(), e.GetProperty("PrivateIpAddress").GetString()));
        }
        var publicIps = view.GetProperty("PrivateIpSets").GetProperty("PrivateIpSet").EnumerateArray()
            .Select(p => p.GetProperty("AssociatedPublicIp").GetProperty("AllocationId").GetString()!).ToArray();
        Assert.Equal([first, second], publicIps);
        var onB = (await s.Client.Ecs("DescribeInstances", s.RegionId, ("InstanceIds", $"[\"{b}\"]"))).Success()
            .GetProperty("Instances").GetProperty("Instance")[0].GetProperty("NetworkInterfaces").GetProperty("NetworkInterface");
        Assert.Contains(onB.EnumerateArray(), n => n.GetProperty("NetworkInterfaceId").GetString() == eni);
    }

    [Fact]
    public async Task DeletingInstance_FreesItsEip_AndDetachesSecondaryEnisWithTheirEips()
    {
        var s = await SceneAsync();
        var (instance, _) = await s.InstanceAsync();
        var onInstance = await s.BoundEipAsync(instance, type: "EcsInstance");
        var eni = await s.EniAsync();
        await s.AttachAsync(eni, instance);
        var onEni = await s.BoundEipAsync(eni);

        (await s.Client.Ecs("DeleteInstance", ("InstanceId", instance))).Error("IncorrectInstanceStatus", 403);
        (await s.Client.Ecs("DeleteInstance", ("InstanceId", instance), ("Force", "true"))).Success();

        var freed = await s.WaitForEipAsync(onInstance, "Available");
        Assert.Equal("", freed.GetProperty("InstanceId").GetString());
        var kept = await s.EipViewAsync(onEni);
        Assert.Equal(("InUse", eni), (kept.GetProperty("Status").GetString(), kept.GetProperty("InstanceId").GetString()));
        for (var i = 0; i < 250 && (await s.EniViewAsync(eni)).GetProperty("Status").GetString() != "Available"; i++)
            await Task.Delay(20);
        Assert.Equal("Available", (await s.EniViewAsync(eni)).GetProperty("Status").GetString());
        var instances = (await s.Client.Ecs("DescribeInstances", s.RegionId, ("InstanceIds", $"[\"{instance}\"]"))).Success();
        Assert.Equal(0, instances.GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task Unassociate_ChecksTheBinding_ThenFreesTheEip()
    {
        var s = await SceneAsync();
        var eni = await s.EniAsync();
        var eip = await s.BoundEipAsync(eni);
        (await s.Client.Vpc("UnassociateEipAddress", ("AllocationId", eip), ("InstanceId", "eni-someotherinterface00"))).Error("InvalidBindingStatus", 400);
        (await s.Client.Vpc("UnassociateEipAddress", ("AllocationId", eip), ("PrivateIpAddress", "10.0.1.250"))).Error("InvalidBindingStatus", 400);
        (await s.Client.Vpc("UnassociateEipAddress", ("AllocationId", eip), ("InstanceId", eni), ("InstanceType", "NetworkInterface"))).Success();
        var freed = await s.WaitForEipAsync(eip, "Available");
        Assert.Equal(("", ""), (freed.GetProperty("InstanceId").GetString(), freed.GetProperty("Mode").GetString()));
        (await s.Client.Vpc("UnassociateEipAddress", ("AllocationId", eip))).Error("IncorrectEipStatus", 400);
        (await s.Client.Vpc("ReleaseEipAddress", ("AllocationId", eip))).Success();
    }

    [Fact]
    public async Task ModifyForwardMode_AppliesTheRulesOfTheNewMode()
    {
        var s = await SceneAsync();
        var eni = await s.EniAsync();
        var eip = await s.BoundEipAsync(eni);
        (await s.Client.Vpc("ModifyEipForwardMode", s.RegionId, ("InstanceId", eip), ("Mode", "BINDED"))).Success();
        var changed = await s.WaitForEipAsync(eip, "InUse");
        Assert.Equal("BINDED", changed.GetProperty("Mode").GetString());
        (await s.Client.Vpc("ModifyEipForwardMode", s.RegionId, ("InstanceId", eip), ("Mode", "FAST"))).Error("InvalidParameter", 400);

        var crowded = await s.EniAsync(secondaryIps: 1);
        var ips = await s.PrivateIpsAsync(crowded);
        var a = await s.BoundEipAsync(crowded, privateIp: ips[0]);
        await s.BoundEipAsync(crowded, privateIp: ips[1]);
        (await s.Client.Vpc("ModifyEipForwardMode", s.RegionId, ("InstanceId", a), ("Mode", "BINDED"))).Error("InvalidAssociation.ModeConflict", 400);

        var (instance, _) = await s.InstanceAsync();
        var onInstance = await s.BoundEipAsync(instance, type: "EcsInstance");
        (await s.Client.Vpc("ModifyEipForwardMode", s.RegionId, ("InstanceId", onInstance), ("Mode", "MULTI_BINDED"))).Error("InvalidParameter", 400);
    }

    [Fact]
    public async Task GatewayInfo_GivesEachMultiEipItsPoolGatewayAndMask()
    {
        var s = await SceneAsync();
        var eni = await s.EniAsync();
        var eips = new[] { await s.BoundEipAsync(eni, "MULTI_BINDED"), await s.BoundEipAsync(eni, "MULTI_BINDED") };
        var body = (await s.Client.Vpc("DescribeEipGatewayInfo", s.RegionId, ("InstanceId", eni))).Success();
        Assert.Equal("200", body.GetProperty("Code").GetString());
        var infos = body.GetProperty("EipInfos").GetProperty("EipInfo").EnumerateArray().ToArray();
        Assert.Equal(2, infos.Length);
        foreach (var info in infos)
        {
            var ip = info.GetProperty("Ip").GetString()!;
            var prefix = ip[..ip.LastIndexOf('.')];
            Assert.Equal((prefix + ".1", "255.255.255.0"), (info.GetProperty("IpGw").GetString(), info.GetProperty("IpMask").GetString()));
        }
        (await s.Client.Vpc("DescribeEipGatewayInfo", s.RegionId, ("InstanceId", "eni-nosuchinterface0000"))).Error("InvalidInstanceId.NotFound", 404);
    }

    [Fact]
    public async Task Associate_RejectsBadTargets()
    {
        var s = await SceneAsync();
        var other = await Scene.StartAsync(shared.Server);
        var eip = await s.EipAsync();
        var eni = await s.EniAsync();
        (await s.AssociateAsync(eip, await other.EniAsync())).Error("InvalidInstanceId.NotFound", 404);
        (await s.AssociateAsync(eip, eni, type: "EcsInstance")).Error("InvalidInstanceId.NotFound", 404);
        (await s.AssociateAsync(eip, "ngw-natgateway00000000", type: "Nat")).Error("InvalidInstanceType.ValueNotSupported", 400);
        (await s.AssociateAsync(eip, eni, type: "Bogus")).Error("InvalidInstanceType.ValueNotSupported", 400);
        (await s.AssociateAsync(eip, eni, "SIDEWAYS")).Error("InvalidParameter", 400);
        (await s.AssociateAsync(eip, (await s.InstanceAsync()).InstanceId, "BINDED", type: "EcsInstance")).Error("InvalidParameter", 400);
        (await s.AssociateAsync(eip, eni, privateIp: "10.0.1.x")).Error("InvalidParameter", 400);
        (await s.Client.Vpc("AssociateEipAddress", ("AllocationId", eip))).Error("MissingParameter", 400);
        Assert.Equal("Available", (await s.EipViewAsync(eip)).GetProperty("Status").GetString());
    }

    [Fact]
    public async Task Associate_RejectsEniOfAnotherRegion()
    {
        var shenzhen = await SceneAsync();
        var eni = await shenzhen.EniAsync();
        var eip = (await shenzhen.Client.Vpc("AllocateEipAddress", ("RegionId", "cn-hangzhou"))).Success().GetProperty("AllocationId").GetString()!;
        (await shenzhen.Client.Vpc("AssociateEipAddress", ("AllocationId", eip), ("InstanceId", eni), ("InstanceType", "NetworkInterface")))
            .Error("InvalidParameter.Mismatch", 400);
    }
}
