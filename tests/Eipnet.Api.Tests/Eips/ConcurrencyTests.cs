using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Eips;

/// <summary>Every rule holds when many conflicting calls race, on SQLite and on PostgreSQL. Callers retry TaskConflict as
/// clients do; each call ends in success or in the rule's code, and exactly the allowed number succeed.</summary>
public sealed class ConcurrencyTests
{
    public static TheoryData<Backend> Backends => new() { Backend.Sqlite, Backend.Postgres };

    private static async Task<RpcResult> UntilDecidedAsync(Func<Task<RpcResult>> call)
    {
        for (var attempt = 0; ; attempt++)
        {
            var r = await call();
            if (r.Code != "TaskConflict" || attempt > 500)
                return r;
            await Task.Delay(Random.Shared.Next(1, 10));
        }
    }

    private static async Task<RpcResult[]> RaceAsync(int n, Func<int, Task<RpcResult>> call) =>
        await Task.WhenAll(Enumerable.Range(0, n).Select(i => Task.Run(() => UntilDecidedAsync(() => call(i)))));

    private static void AssertOutcome(RpcResult[] results, int winners, string loserCode)
    {
        Assert.Equal(winners, results.Count(r => r.Ok));
        Assert.All(results.Where(r => !r.Ok), r => Assert.Equal(loserCode, r.Code));
    }

    private static async Task<string[]> EipsAsync(Scene s, int n) => await Task.WhenAll(Enumerable.Range(0, n).Select(_ => s.EipAsync()));

    [Theory, MemberData(nameof(Backends))]
    public async Task NeverTwoEipsOnOnePrivateIp(Backend backend)
    {
        await using var server = await TestServer.StartAsync(backend);
        var s = await Scene.StartAsync(server);
        var eni = await s.EniAsync();
        var eips = await EipsAsync(s, 16);
        var results = await RaceAsync(16, i => s.AssociateAsync(eips[i], eni));
        AssertOutcome(results, 1, "InvalidAssociation.Duplicated");
        var onEni = (await s.Client.Vpc("DescribeEipAddresses", s.RegionId, ("AssociatedInstanceId", eni))).Success();
        Assert.Equal(1, onEni.GetProperty("TotalCount").GetInt32());
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task NeverASecondEipOnACutThroughEni(Backend backend)
    {
        await using var server = await TestServer.StartAsync(backend);
        var s = await Scene.StartAsync(server);
        var eni = await s.EniAsync();
        var eips = await EipsAsync(s, 16);
        var results = await RaceAsync(16, i => s.AssociateAsync(eips[i], eni, "BINDED"));
        AssertOutcome(results, 1, "InvalidAssociation.Duplicated");
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task NeverAnEleventhEipOnAMultiEipEni(Backend backend)
    {
        await using var server = await TestServer.StartAsync(backend);
        var s = await Scene.StartAsync(server);
        var eni = await s.EniAsync();
        var eips = await EipsAsync(s, 20);
        var results = await RaceAsync(20, i => s.AssociateAsync(eips[i], eni, "MULTI_BINDED"));
        AssertOutcome(results, 10, "QuotaExceeded.EipsPerNetworkInterface");
        var onEni = (await s.Client.Vpc("DescribeEipAddresses", s.RegionId, ("AssociatedInstanceId", eni))).Success();
        Assert.Equal(10, onEni.GetProperty("TotalCount").GetInt32());
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task NeverOneEipOnTwoEnis(Backend backend)
    {
        await using var server = await TestServer.StartAsync(backend);
        var s = await Scene.StartAsync(server);
        var enis = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => s.EniAsync()));
        var eip = await s.EipAsync();
        var results = await RaceAsync(12, i => s.AssociateAsync(eip, enis[i]));
        AssertOutcome(results, 1, "IncorrectEipStatus");
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task NeverMoreEnisThanTheInstanceTypeAllows(Backend backend)
    {
        await using var server = await TestServer.StartAsync(backend);
        var s = await Scene.StartAsync(server);
        var (instance, _) = await s.InstanceAsync("ecs.g7.large"); // 3 ENIs: the primary and two more
        var enis = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => s.EniAsync()));
        var results = await RaceAsync(10, i => s.Client.Ecs("AttachNetworkInterface", s.RegionId, ("NetworkInterfaceId", enis[i]), ("InstanceId", instance)));
        AssertOutcome(results, 2, "EniPerInstanceLimitExceeded");
    }

    [Theory, MemberData(nameof(Backends))]
    public async Task NeverOnePrivateIpOnTwoEnis(Backend backend)
    {
        await using var server = await TestServer.StartAsync(backend);
        var s = await Scene.StartAsync(server);
        var vpc = (await s.Client.Vpc("DescribeVSwitches", s.RegionId, ("VSwitchId", s.VSwitchId))).Success()
            .GetProperty("VSwitches").GetProperty("VSwitch")[0].GetProperty("VpcId").GetString()!;
        var zone = (await s.Client.Vpc("DescribeZones", s.RegionId)).Success().GetProperty("Zones").GetProperty("Zone")[0].GetProperty("ZoneId").GetString()!;
        // A /29 has three assignable addresses (network, gateway and the last three are reserved).
        var tiny = (await s.Client.Vpc("CreateVSwitch", s.RegionId, ("VpcId", vpc), ("ZoneId", zone), ("CidrBlock", "10.0.9.0/29"))).Success().GetProperty("VSwitchId").GetString()!;
        var results = await RaceAsync(10, _ => s.Client.Ecs("CreateNetworkInterface", s.RegionId, ("VSwitchId", tiny), ("SecurityGroupId", s.SecurityGroupId)));
        AssertOutcome(results, 3, "InvalidVSwitchId.IpNotEnough");
        var ips = new List<string>();
        foreach (var r in results.Where(r => r.Ok))
            ips.Add(r.Str("PrivateIpAddress"));
        Assert.Equal(3, ips.Distinct().Count());
    }
}
