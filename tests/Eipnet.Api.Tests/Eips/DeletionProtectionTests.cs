using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Eips;

/// <summary>The VPC API's DeletionProtection for EIPs and what it does to ReleaseEipAddress (issue 12).</summary>
public sealed class DeletionProtectionTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private static Task<RpcResult> ProtectAsync(RpcTestClient c, string id, string enable, string type = "EIP") =>
        c.Vpc("DeletionProtection", ("RegionId", Fixtures.Region), ("InstanceId", id), ("ProtectionEnable", enable), ("Type", type));

    private static async Task<bool> ProtectedAsync(RpcTestClient c, string id) =>
        (await Fixtures.DescribeEipAsync(c, id))!.Value.GetProperty("DeletionProtection").GetBoolean();

    [Fact]
    public async Task Release_IsRefused_WhileDeletionProtectionIsOn()
    {
        var c = await shared.Server.NewClientAsync();
        var (id, _) = await Fixtures.EipAsync(c);
        Assert.False(await ProtectedAsync(c, id));

        (await ProtectAsync(c, id, "true")).Success();
        Assert.True(await ProtectedAsync(c, id));
        (await ProtectAsync(c, id, "true")).Success(); // a retry changes nothing
        (await c.Vpc("ReleaseEipAddress", ("RegionId", Fixtures.Region), ("AllocationId", id))).Error("InvalidOperation.DeletionProtection", 400);
        Assert.NotNull(await Fixtures.DescribeEipAsync(c, id));

        (await ProtectAsync(c, id, "false")).Success();
        Assert.False(await ProtectedAsync(c, id));
        (await c.Vpc("ReleaseEipAddress", ("RegionId", Fixtures.Region), ("AllocationId", id))).Success();
        Assert.Null(await Fixtures.DescribeEipAsync(c, id));
    }

    [Fact]
    public async Task DeletionProtection_SurvivesAssociation_AndIsKeptByOtherChanges()
    {
        await using var server = await TestServer.StartAsync();
        var c = await server.NewClientAsync();
        var net = await Fixtures.NetworkAsync(server, c);
        var eni = await Fixtures.EniAsync(c, net);
        var (id, _) = await Fixtures.EipAsync(c);
        (await ProtectAsync(c, id, "true")).Success();
        await Fixtures.AssociateAsync(c, id, eni);
        await Fixtures.WaitForEipAsync(c, id, "InUse");
        (await c.Vpc("ModifyEipAddressAttribute", ("RegionId", Fixtures.Region), ("AllocationId", id), ("Name", "kept"))).Success();
        Assert.True(await ProtectedAsync(c, id));
        (await c.Vpc("UnassociateEipAddress", ("RegionId", Fixtures.Region), ("AllocationId", id))).Success();
        await Fixtures.WaitForEipAsync(c, id, "Available");
        Assert.True(await ProtectedAsync(c, id));
        (await c.Vpc("ReleaseEipAddress", ("RegionId", Fixtures.Region), ("AllocationId", id))).Error("InvalidOperation.DeletionProtection", 400);
    }

    [Fact]
    public async Task DeletionProtection_RefusesBadInput_WithAlibabasCodes()
    {
        var c = await shared.Server.NewClientAsync();
        var other = await shared.Server.NewClientAsync();
        var (id, _) = await Fixtures.EipAsync(c);
        (await ProtectAsync(c, id, "true", type: "NATGW")).Error("DeletionProtection.TypeNotSupport", 400);
        (await ProtectAsync(c, id, "true", type: "VPC")).Error("InvalidParameter", 400);
        (await ProtectAsync(c, id, "maybe")).Error("InvalidParameter", 400);
        (await c.Vpc("DeletionProtection", ("RegionId", Fixtures.Region), ("InstanceId", id), ("Type", "EIP"))).Error("MissingParameter", 400);
        (await ProtectAsync(c, "eip-doesnotexist0000000", "true")).Error("DeletionProtection.ResourceNotExist", 400);
        (await ProtectAsync(other, id, "true")).Error("DeletionProtection.ResourceNotExist", 400);
        Assert.False(await ProtectedAsync(c, id));
    }
}
