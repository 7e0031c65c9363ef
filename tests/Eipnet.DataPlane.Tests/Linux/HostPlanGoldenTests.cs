using Eipnet.DataPlane.Linux;

namespace Eipnet.DataPlane.Tests.Linux;

public sealed class HostPlanGoldenTests
{
    public static TheoryData<string> Cases => new(CaseFiles.Names());

    [Theory, MemberData(nameof(Cases))]
    public void Plan_RendersGoldenTable_ForCase(string name)
    {
        var (_, after, _) = CaseFiles.Run(name);
        CaseFiles.AssertGolden(name, "expected.nft", after.RenderTables());
    }

    [Theory, MemberData(nameof(Cases))]
    public void Diff_RendersGoldenOperations_ForCase(string name)
    {
        var (before, after, _) = CaseFiles.Run(name);
        CaseFiles.AssertGolden(name, "expected-ops.txt", HostDiff.Between(before, after).ToString());
    }

    [Theory, MemberData(nameof(Cases))]
    public void Diff_IsEmpty_WhenTheSameStateIsPlannedAgain(string name)
    {
        var (_, after, state) = CaseFiles.Run(name);
        Assert.True(HostDiff.Between(after, HostPlan.For(state)).IsEmpty);
    }
}
