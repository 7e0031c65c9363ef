using System.Diagnostics;
using System.Text.Json;
using Eipnet.Cli.Client;

namespace Eipnet.Cli.Bench;

/// <summary>Associate + unassociate pairs at a given concurrency, each worker with its own EIP and ENI (no TaskConflict),
/// waiting for InUse/Available in between as a client must. The baseline is DescribeRegions, an authenticated call that
/// touches no resource, measured in the same run.</summary>
public static class AssociationBench
{
    public sealed record Result(Latencies Baseline, Latencies Associate, Latencies Unassociate, Latencies Converge, double PairsPerSecond, int Pairs);

    public static async Task<Result> RunAsync(BenchEnvironment env, int concurrency, int pairs)
    {
        var c = env.Client;
        var region = ("RegionId", BenchEnvironment.Region);
        var vpc = (await c.VpcAsync("CreateVpc", region, ("CidrBlock", "10.0.0.0/8"))).GetProperty("VpcId").GetString()!;
        var vsw = (await c.VpcAsync("CreateVSwitch", region, ("VpcId", vpc), ("ZoneId", env.ZoneId), ("CidrBlock", "10.1.0.0/16"))).GetProperty("VSwitchId").GetString()!;
        var sg = (await c.EcsAsync("CreateSecurityGroup", region, ("VpcId", vpc), ("SecurityGroupName", "bench"))).GetProperty("SecurityGroupId").GetString()!;
        var workers = new List<(string Eip, string Eni)>();
        for (var i = 0; i < concurrency; i++)
        {
            var eni = (await c.EcsAsync("CreateNetworkInterface", region, ("VSwitchId", vsw), ("SecurityGroupId", sg))).GetProperty("NetworkInterfaceId").GetString()!;
            var eip = (await c.VpcAsync("AllocateEipAddress", region)).GetProperty("AllocationId").GetString()!;
            workers.Add((eip, eni));
        }

        var baseline = new Latencies("DescribeRegions (baseline)");
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < Math.Max(50, pairs / concurrency); i++)
                await baseline.TimeAsync(() => c.VpcAsync("DescribeRegions"));
        })));

        var associate = new Latencies("AssociateEipAddress");
        var unassociate = new Latencies("UnassociateEipAddress");
        var converge = new Latencies("call returned -> InUse");
        var perWorker = Math.Max(1, pairs / concurrency);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(workers.Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < perWorker; i++)
            {
                await associate.TimeAsync(() => c.VpcAsync("AssociateEipAddress", region, ("AllocationId", w.Eip), ("InstanceId", w.Eni), ("InstanceType", "NetworkInterface")));
                var returned = Stopwatch.GetTimestamp();
                await WaitForStatusAsync(c, w.Eip, "InUse");
                converge.Add(Stopwatch.GetElapsedTime(returned).TotalMilliseconds);
                await unassociate.TimeAsync(() => c.VpcAsync("UnassociateEipAddress", region, ("AllocationId", w.Eip)));
                await WaitForStatusAsync(c, w.Eip, "Available");
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        return new Result(baseline, associate, unassociate, converge, perWorker * concurrency / seconds, perWorker * concurrency);
    }

    private static async Task WaitForStatusAsync(ApiClient c, string eip, string status)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var body = await c.VpcAsync("DescribeEipAddresses", ("RegionId", BenchEnvironment.Region), ("AllocationId", eip));
            var items = body.GetProperty("EipAddresses").GetProperty("EipAddress");
            if (items.GetArrayLength() == 1 && items[0].GetProperty("Status").GetString() == status)
                return;
            if (deadline.Elapsed > TimeSpan.FromSeconds(10))
                throw new TimeoutException($"{eip} did not reach {status} within 10 s: {JsonSerializer.Serialize(body)}");
            await Task.Delay(5); // a client polling every 5 ms; tighter polling only measures the poller
        }
    }
}
