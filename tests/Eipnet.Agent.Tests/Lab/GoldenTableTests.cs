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
            var text = await File.ReadAllTextAsync(Path.Combine(CasesDirectory(), name, "expected.nft"));
            var load = await run.ExecAsync(ns, "nft", ["-f", "-"], text);
            Assert.True(load.Succeeded, load.Stderr);
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
