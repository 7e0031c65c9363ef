using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Eips;

public sealed class EipLifecycleTests
{
    public static TheoryData<Signing> Signings => new() { Signing.V3, Signing.V1Query, Signing.V1Get, Signing.V1Form };

    [Theory, MemberData(nameof(Signings))]
    public async Task Allocate_ReturnsAvailableEipFromRegionPool_WithEverySigning(Signing signing)
    {
        await using var server = await TestServer.StartAsync();
        var client = await server.NewClientAsync();
        var c = new RpcTestClient(client.Endpoint, client.Account) { Signing = signing };

        var allocated = (await c.Vpc("AllocateEipAddress", ("RegionId", "cn-hangzhou"), ("Bandwidth", "10"), ("Name", "web"))).Success();
        var id = allocated.GetProperty("AllocationId").GetString()!;
        Assert.StartsWith("eip-", id);

        var described = (await c.Vpc("DescribeEipAddresses", ("RegionId", "cn-hangzhou"), ("AllocationId", id))).Success();
        Assert.Equal(1, described.GetProperty("TotalCount").GetInt32());
        var item = described.GetProperty("EipAddresses").GetProperty("EipAddress")[0];
        Assert.Equal("Available", item.GetProperty("Status").GetString());
        Assert.Equal("10", item.GetProperty("Bandwidth").GetString());
        Assert.Equal("web", item.GetProperty("Name").GetString());
        Assert.Equal(allocated.GetProperty("EipAddress").GetString(), item.GetProperty("IpAddress").GetString());
    }

    [Theory]
    [InlineData("SecurityProtectionTypes.1", "AntiDDoS_Enhanced")]
    [InlineData("PublicIpAddressPoolId", "pippool-acfmxazb4ph6aiy")]
    [InlineData("Zone", "cn-hangzhou-i")]
    public async Task Allocate_RefusesWhatEipnetDoesNotHave_InsteadOfIgnoringIt(string name, string value)
    {
        await using var server = await TestServer.StartAsync();
        var c = await server.NewClientAsync();
        (await c.Vpc("AllocateEipAddress", ("RegionId", "cn-hangzhou"), (name, value))).Error("InvalidParameter", 400);
        var all = (await c.Vpc("DescribeEipAddresses", ("RegionId", "cn-hangzhou"))).Success();
        Assert.Equal(0, all.GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task Allocate_StoresTags_AndDescribeFiltersByThem()
    {
        await using var server = await TestServer.StartAsync();
        var c = await server.NewClientAsync();
        var tagged = (await c.Vpc("AllocateEipAddress", ("RegionId", "cn-hangzhou"), ("Tag.1.Key", "env"), ("Tag.1.Value", "prod"))).Success().GetProperty("AllocationId").GetString();
        (await c.Vpc("AllocateEipAddress", ("RegionId", "cn-hangzhou"), ("Tag.1.Key", "env"), ("Tag.1.Value", "dev"))).Success();
        var found = (await c.Vpc("DescribeEipAddresses", ("RegionId", "cn-hangzhou"), ("Tag.1.Key", "env"), ("Tag.1.Value", "prod"))).Success();
        Assert.Equal(1, found.GetProperty("TotalCount").GetInt32());
        var item = found.GetProperty("EipAddresses").GetProperty("EipAddress")[0];
        Assert.Equal(tagged, item.GetProperty("AllocationId").GetString());
        Assert.Equal("prod", item.GetProperty("Tags").GetProperty("Tag")[0].GetProperty("Value").GetString());
        (await c.Vpc("AllocateEipAddress", ("RegionId", "cn-hangzhou"), ("Tag.1.Key", "aliyun-x"), ("Tag.1.Value", "v"))).Error("InvalidTagKey.Malformed", 400);
        (await c.Vpc("AllocateEipAddress", ("RegionId", "cn-hangzhou"), ("Tag.1.Key", "a"), ("Tag.2.Key", "a"))).Error("Duplicate.TagKey", 400);
    }

    [Fact]
    public async Task Describe_PagesUpTo100_AndFiltersByStatusAndAddress()
    {
        await using var server = await TestServer.StartAsync();
        var c = await server.NewClientAsync(eipQuota: 120);
        var ips = new List<string>();
        for (var i = 0; i < 105; i++)
            ips.Add((await c.Vpc("AllocateEipAddress", ("RegionId", "cn-hangzhou"))).Success().GetProperty("EipAddress").GetString()!);
        var page1 = (await c.Vpc("DescribeEipAddresses", ("RegionId", "cn-hangzhou"), ("PageSize", "100"))).Success();
        var page2 = (await c.Vpc("DescribeEipAddresses", ("RegionId", "cn-hangzhou"), ("PageSize", "100"), ("PageNumber", "2"))).Success();
        Assert.Equal(105, page1.GetProperty("TotalCount").GetInt32());
        Assert.Equal(100, page1.GetProperty("EipAddresses").GetProperty("EipAddress").GetArrayLength());
        Assert.Equal(5, page2.GetProperty("EipAddresses").GetProperty("EipAddress").GetArrayLength());
        Assert.Equal(2, page2.GetProperty("PageNumber").GetInt32());
        (await c.Vpc("DescribeEipAddresses", ("RegionId", "cn-hangzhou"), ("PageSize", "101"))).Error("InvalidParameter", 400);

        var byIp = (await c.Vpc("DescribeEipAddresses", ("RegionId", "cn-hangzhou"), ("EipAddress", $"{ips[3]},{ips[7]}"))).Success();
        Assert.Equal(2, byIp.GetProperty("TotalCount").GetInt32());
        var inUse = (await c.Vpc("DescribeEipAddresses", ("RegionId", "cn-hangzhou"), ("Status", "InUse"))).Success();
        Assert.Equal(0, inUse.GetProperty("TotalCount").GetInt32());
        Assert.Equal(0, inUse.GetProperty("EipAddresses").GetProperty("EipAddress").GetArrayLength());
        (await c.Vpc("DescribeEipAddresses", ("RegionId", "cn-hangzhou"), ("Status", "Sleeping"))).Error("InvalidParameter", 400);
        (await c.Vpc("DescribeEipAddresses", ("RegionId", "cn-hangzhou"), ("ChargeType", "Free"))).Error("InvalidChargeType.ValueNotSupported", 400);
        (await c.Vpc("DescribeEipAddresses", ("RegionId", "cn-hangzhou"), ("LockReason", "boredom"))).Error("InvalidLockReason.NotFound", 404);
        (await c.Vpc("DescribeEipAddresses", ("RegionId", "cn-hangzhou"), ("AssociatedInstanceType", "Car"))).Error("InvalidIAssociatedInstanceType.ValueNotSupported", 400);
    }

    [Fact]
    public async Task Describe_DoesNotShowOtherAccountsEips_AndTheirIdsAreNotFound()
    {
        await using var server = await TestServer.StartAsync();
        var a = await server.NewClientAsync();
        var b = await server.NewClientAsync();
        var id = (await a.Vpc("AllocateEipAddress", ("RegionId", "cn-hangzhou"))).Success().GetProperty("AllocationId").GetString()!;
        var seen = (await b.Vpc("DescribeEipAddresses", ("RegionId", "cn-hangzhou"), ("AllocationId", id))).Success();
        Assert.Equal(0, seen.GetProperty("TotalCount").GetInt32());
        (await b.Vpc("ReleaseEipAddress", ("AllocationId", id))).Error("InvalidAllocationId.NotFound", 404);
        (await b.Vpc("ModifyEipAddressAttribute", ("AllocationId", id), ("Name", "mine"))).Error("InvalidAllocationId.NotFound", 404);
        (await b.Vpc("AssociateEipAddress", ("AllocationId", id), ("InstanceId", "i-whatever0000000000000"))).Error("InvalidAllocationId.NotFound", 404);
        (await a.Vpc("ReleaseEipAddress", ("AllocationId", id))).Success();
    }

    [Fact]
    public async Task Release_RemovesEip_AndUnknownIdIsNotFound()
    {
        await using var server = await TestServer.StartAsync();
        var c = await server.NewClientAsync();
        var id = (await c.Vpc("AllocateEipAddress", ("RegionId", "cn-hangzhou"))).Success().GetProperty("AllocationId").GetString()!;
        (await c.Vpc("ReleaseEipAddress", ("RegionId", "cn-hangzhou"), ("AllocationId", id))).Success();
        (await c.Vpc("ReleaseEipAddress", ("RegionId", "cn-hangzhou"), ("AllocationId", id))).Error("InvalidAllocationId.NotFound", 404);
        (await c.Vpc("ReleaseEipAddress", ("RegionId", "cn-hangzhou"))).Error("MissingParameter", 400);
        var prepaid = (await c.Vpc("AllocateEipAddress", ("RegionId", "cn-hangzhou"), ("InstanceChargeType", "PrePaid"))).Success().GetProperty("AllocationId").GetString()!;
        (await c.Vpc("ReleaseEipAddress", ("AllocationId", prepaid))).Error("Forbidden.ChargeTypeIsPrepaid", 400);
    }

    [Fact]
    public async Task Allocate_RespectsQuota_AndRequestedAddress()
    {
        await using var server = await TestServer.StartAsync();
        var c = await server.NewClientAsync(eipQuota: 2);
        var ip = (await c.Vpc("AllocateEipAddress", ("RegionId", "cn-hangzhou"), ("IpAddress", "198.51.100.77"))).Success().GetProperty("EipAddress").GetString();
        Assert.Equal("198.51.100.77", ip);
        (await c.Vpc("AllocateEipAddress", ("RegionId", "cn-hangzhou"), ("IpAddress", "198.51.100.77"))).Error("ReserveIpFail", 400);
        (await c.Vpc("AllocateEipAddress", ("RegionId", "cn-hangzhou"), ("IpAddress", "198.51.100.1"))).Error("ReserveIpFail", 400);
        (await c.Vpc("AllocateEipAddress", ("RegionId", "cn-hangzhou"), ("IpAddress", "8.8.8.8"))).Error("ReserveIpFail", 400);
        (await c.Vpc("AllocateEipAddress", ("RegionId", "cn-hangzhou"), ("IpAddress", "not-an-ip"))).Error("InvalidParameter", 400);
        (await c.Vpc("AllocateEipAddress", ("RegionId", "cn-hangzhou"))).Success();
        (await c.Vpc("AllocateEipAddress", ("RegionId", "cn-hangzhou"))).Error("QuotaExceeded.Eip", 400);
    }

    [Fact]
    public async Task ModifyAttribute_ChangesBandwidthNameDescription_WithinLimits()
    {
        await using var server = await TestServer.StartAsync();
        var c = await server.NewClientAsync();
        var id = (await c.Vpc("AllocateEipAddress", ("RegionId", "cn-hangzhou"), ("InternetChargeType", "PayByTraffic"))).Success().GetProperty("AllocationId").GetString()!;
        (await c.Vpc("ModifyEipAddressAttribute", ("AllocationId", id), ("Bandwidth", "200"), ("Name", "n2"), ("Description", "d2"))).Success();
        (await c.Vpc("ModifyEipAddressAttribute", ("AllocationId", id), ("Bandwidth", "201"))).Error("InvalidParameter", 400);
        (await c.Vpc("ModifyEipAddressAttribute", ("AllocationId", id), ("Name", "http://x"))).Error("InvalidParameter", 400);
        var item = (await c.Vpc("DescribeEipAddresses", ("RegionId", "cn-hangzhou"), ("AllocationId", id))).Success().GetProperty("EipAddresses").GetProperty("EipAddress")[0];
        Assert.Equal(("200", "n2", "d2"), (item.GetProperty("Bandwidth").GetString(), item.GetProperty("Name").GetString(), item.GetProperty("Description").GetString()));
    }
}
