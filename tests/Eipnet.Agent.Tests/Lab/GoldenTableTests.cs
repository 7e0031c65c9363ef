using Eipnet.Agent.Kernel;
using Eipnet.Agent.Lab;

namespace Eipnet.Agent.Tests.Lab;

/// <summary>The planner's golden tables (tests/Eipnet.DataPlane.Tests/Cases) are what the kernel accepts: each one is checked
/// by nft itself, in a scratch namespace of this test's own.</summary>
public sealed class GoldenTableTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(CasesDirectory()).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(dir));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task GoldenTable_IsAcceptedByNft(string name)
    {
        var run = new CommandRunner();
        var ns = $"eipt{Environment.ProcessId}g" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3));
        await LabTopology.EnsureNamespaceAsync(run, ns, CancellationToken.None);
        try
        {
            // One table per namespace of the plan (the gateway's, each VPC router's), each behind a "# NAMESPACE" line.
            var text = await File.ReadAllTextAsync(Path.Combine(CasesDirectory(), name, "expected.nft"));
            var tables = text.Split("# ", StringSplitOptions.RemoveEmptyEntries);
            Assert.NotEmpty(tables);
            foreach (var table in tables)
            {
                var load = await run.ExecAsync(ns, "nft", ["-f", "-"], table[(table.IndexOf('\n', StringComparison.Ordinal) + 1)..]);
                Assert.True(load.Succeeded, $"{table.Split('\n')[0]}: {load.Stderr}");
                Assert.True((await run.ExecAsync(ns, "nft", ["delete", "table", "ip", "eipnet"])).Succeeded);
            }
        }
        finally
        {
            await run.IpAsync(null, ["netns", "del", ns]);
        }
    }

    private static string CasesDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Eipnet.slnx")))
            dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("repository root not found"), "tests", "Eipnet.DataPlane.Tests", "Cases");
    }
}
