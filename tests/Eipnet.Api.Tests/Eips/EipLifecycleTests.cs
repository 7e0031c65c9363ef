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
}
