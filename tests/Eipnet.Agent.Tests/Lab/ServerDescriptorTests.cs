using System.Text.Json;
using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Agent.Tests.Lab;

/// <summary>Issue 9, as it was reproduced against `eipnet server --dataplane linux`: the server's descriptors grew by ~8.7 per
/// associate/unassociate cycle (child-process pipes left to the garbage collector) until, with many idle clients, a new nft
/// session got a descriptor above 1023 and libnftables' select() aborted the process. This runs the real server (through
/// `eipnet bench fd-soak`, a lab of its own, the 1 s resync) and checks its /proc/PID/fd over cycles and resyncs, then holds
/// 1,500 idle connections, deletes the gateway namespace, and expects it rebuilt with a new association carrying TCP.</summary>
/// <remarks>The full soak (10,000 cycles, 10 minutes of resyncs, 2,000 idle connections) is the benchmark; its figures are in
/// docs/benchmarks/fd-soak.md.</remarks>
public sealed class ServerDescriptorTests
{
    [Fact]
    public async Task ServerDescriptors_StayFlat_OverCyclesAndResyncs_AndAGatewayDeletedUnder1500IdleConnectionsIsRepaired()
    {
        var (code, stdout, stderr) = await EipnetProcess.RunAsync(
            ["bench", "fd-soak", "--cycles", "300", "--hold-minutes", "0.25", "--idle-connections", "1500", "--json"],
            timeout: TimeSpan.FromMinutes(5));
        Assert.True(code == 0, $"eipnet bench fd-soak exited {code}:\n{stderr}\n{stdout}");
        var figures = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]).RootElement;
        int Get(string name) => figures.GetProperty(name).GetInt32();

        // Before the fix: about +2,600 over 300 cycles (unless a GC happened to run). Now: flat, within the issue's ±20.
        Assert.True(Math.Abs(Get("Drift")) <= 20, $"descriptors drifted by {Get("Drift")} (start {Get("Start")}, end {Get("End")}):\n{stderr}");
        Assert.True(Get("Peak") - Get("Start") <= 40, $"descriptors peaked at {Get("Peak")} from {Get("Start")}:\n{stderr}");
        Assert.InRange(Get("Helpers"), 1, 4); // one nft helper per namespace with nft state, not one per change
        Assert.True(Get("FdsWithIdle") > 1500, "the idle connections should have pushed the server past 1,500 descriptors");
        Assert.True(figures.GetProperty("RepairSeconds").ValueKind == JsonValueKind.Number, "the gateway should have been repaired");
        Assert.True(figures.GetProperty("IdleStillServed").GetBoolean(), "an idle connection should still be served after the repair");
    }
}
