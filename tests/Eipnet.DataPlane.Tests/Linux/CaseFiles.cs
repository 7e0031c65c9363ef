using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Eipnet.DataPlane.Linux;

namespace Eipnet.DataPlane.Tests.Linux;

/// <summary>Golden cases: Cases/&lt;name&gt;/desired.json is a list of change sets, applied in order; expected.nft is the table
/// after the last, expected-ops.txt the diff the last one causes (from nothing when there is only one).</summary>
internal static class CaseFiles
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Root([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "..", "Cases");

    public static IEnumerable<string> Names() =>
        Directory.GetDirectories(Root()).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static IReadOnlyList<DesiredChanges> Steps(string name)
    {
        var steps = JsonSerializer.Deserialize<List<DesiredChanges>>(File.ReadAllText(Path.Combine(Root(), name, "desired.json")), Json)!;
        // The files leave out empty lists; the records want them present.
        return steps.Select(s => s with
        {
            Eips = s.Eips ?? [], NetworkInterfaces = s.NetworkInterfaces ?? [], Instances = s.Instances ?? [],
            SecurityGroups = s.SecurityGroups ?? [], VSwitches = s.VSwitches ?? [], Vpcs = s.Vpcs ?? [], Removed = s.Removed ?? [],
        }).ToList();
    }

    /// <summary>The plan before the last step (null when there is one step), the plan after it, and the state.</summary>
    public static (HostPlan? Before, HostPlan After, DesiredState State) Run(string name)
    {
        var state = new DesiredState();
        HostPlan? before = null;
        var steps = Steps(name);
        foreach (var step in steps.SkipLast(1))
        {
            state.Apply(step);
            before = HostPlan.For(state);
        }
        state.Apply(steps[^1]);
        return (before, HostPlan.For(state), state);
    }

    /// <summary>Compares with the golden file, or rewrites it when EIP_UPDATE_GOLDEN=1 (then review the change like code).</summary>
    public static void AssertGolden(string name, string file, string actual)
    {
        var path = Path.Combine(Root(), name, file);
        if (Environment.GetEnvironmentVariable("EIP_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"{path} is missing; run the tests with EIP_UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
