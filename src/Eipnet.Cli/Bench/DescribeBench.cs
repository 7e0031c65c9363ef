using Eipnet.Domain.Addressing;
using Eipnet.Domain.Associations;
using Eipnet.Domain.Resources;
using Eipnet.Store;

namespace Eipnet.Cli.Bench;

/// <summary>DescribeEipAddresses, pages of 100 with a Status filter, over a store holding <c>count</c> EIPs of one account
/// (half of them InUse). The EIPs are written straight into the store: this measures the read path, not allocation.</summary>
public static class DescribeBench
{
    public sealed record Result(Latencies Baseline, Latencies Filtered, Latencies Unfiltered, int Eips, double SeedSeconds);

    public static async Task<Result> RunAsync(BenchEnvironment env, int count, int requests, string? postgres)
    {
        var seed = System.Diagnostics.Stopwatch.StartNew();
        await SeedAsync(env, count);
        if (postgres is not null)
            await BenchDatabase.VacuumAsync(postgres);
        var seedSeconds = seed.Elapsed.TotalSeconds;
        var c = env.Client;
        var baseline = new Latencies("DescribeRegions (baseline)");
        var filtered = new Latencies($"DescribeEipAddresses Status=InUse, 100/page, {count:N0} EIPs");
        var unfiltered = new Latencies($"DescribeEipAddresses no filter, 100/page, {count:N0} EIPs");
        var pages = Math.Max(1, count / 2 / 100);
        var random = new Random(42);
        for (var i = 0; i < requests; i++)
        {
            var page = random.Next(1, pages + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await baseline.TimeAsync(() => c.VpcAsync("DescribeRegions"));
            await filtered.TimeAsync(() => c.VpcAsync("DescribeEipAddresses", ("RegionId", BenchEnvironment.Region), ("Status", "InUse"), ("PageSize", "100"), ("PageNumber", page)));
            await unfiltered.TimeAsync(() => c.VpcAsync("DescribeEipAddresses", ("RegionId", BenchEnvironment.Region), ("PageSize", "100"), ("PageNumber", page)));
        }
        return new Result(baseline, filtered, unfiltered, count, seedSeconds);
    }

    private static async Task SeedAsync(BenchEnvironment env, int count)
    {
        Ipv4Cidr.TryParse("198.18.0.0/15", out var pool);
        var now = DateTimeOffset.UtcNow;
        const int batch = 5000;
        // Skip addresses the association benchmark already allocated at random from the same pool.
        var taken = (await env.Server.Store.ReadAsync(s => s.EipAddressesAsync(BenchEnvironment.Region), CancellationToken.None)).ToHashSet();
        var free = Enumerable.Range(2, (int)pool!.Value.Size - 3).Select(i => Ipv4Cidr.Format(pool.Value.Network + (uint)i)).Where(a => !taken.Contains(a)).Take(count).ToList();
        for (var start = 0; start < count; start += batch)
        {
            await env.Server.Store.WriteAsync(WriteScope.Account(env.AccountId), async s =>
            {
                var rev = await s.RevisionAsync();
                for (var i = start; i < Math.Min(count, start + batch); i++)
                {
                    var inUse = i % 2 == 0;
                    var association = inUse
                        ? new Association($"eni-bench{i:D15}", Association.NetworkInterface, $"eni-bench{i:D15}", "10.200.0.10", AssociationMode.Nat)
                        : null;
                    await s.PutAsync(new Eip($"eip-bench{i:D15}", env.AccountId, BenchEnvironment.Region, free[i],
                        inUse ? EipStatus.InUse : EipStatus.Available, 5, "PayByTraffic", "PostPaid", "BGP", "", "", now, association, rev), forDataPlane: false);
                }
                return 0;
            }, CancellationToken.None);
        }
    }
}
