using Eipnet.Cli.Guest;

namespace Eipnet.Cli.Tests.Guest;

/// <summary>Every format of guest-config, for every egress choice, against golden files (Guest/Golden/NAME; regenerate with
/// EIP_UPDATE_GOLDEN=1). The ip format is also applied in the lab (Eipnet.Agent.Tests GuestConfigTests).</summary>
/// <remarks>netplan files are also validated by netplan itself (Debian's netplan.io: `netplan generate --root-dir` renders
/// them into a directory of the test's own and touches nothing else). nmcli has no validator that is safe here: Debian's
/// network-manager package starts a daemon that manages the machine's own interfaces, which the safety rules forbid.</remarks>
public sealed class GuestFormatGoldenTests
{
    // Primary ENI with a NAT EIP, a secondary NAT ENI with two private IPs, a cut-through ENI, a multi-EIP ENI.
    private static readonly IReadOnlyList<GuestNic> Nics =
    [
        new("eni-primary0000000000", "02:00:00:00:00:01", 0, "nat", ["10.1.1.2/24"], true, "10.1.1.1", ["10.1.1.2"], ["198.51.100.10"]),
        new("eni-natsecondary00000", "02:00:00:00:00:02", 1, "nat", ["10.1.1.3/24", "10.1.1.4/24"], false, "10.1.1.1", ["10.1.1.3", "10.1.1.4"], ["198.51.100.11", "198.51.100.12"]),
        new("eni-cutthrough0000000", "02:00:00:00:00:03", 2, "cut-through", ["198.51.100.20/24"], true, "198.51.100.1", ["198.51.100.20"], ["198.51.100.20"]),
        new("eni-multieip000000000", "02:00:00:00:00:04", 3, "multi-eip", ["10.1.1.6/24", "198.51.100.30/24", "198.51.100.31/24"], false, "10.1.1.1",
            ["10.1.1.6", "198.51.100.30", "198.51.100.31"], ["198.51.100.30", "198.51.100.31"]),
    ];

    public static TheoryData<string, string> Cases() => new()
    {
        { "primary", "ip" }, { "primary", "netplan" }, { "primary", "nmcli" },
        { "eni:eni-natsecondary00000", "ip" }, { "eni:eni-natsecondary00000", "netplan" }, { "eni:eni-natsecondary00000", "nmcli" },
        { "eni:eni-cutthrough0000000", "ip" }, { "eni:eni-cutthrough0000000", "netplan" }, { "eni:eni-cutthrough0000000", "nmcli" },
        { "multipath", "ip" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Format_MatchesItsGoldenFile(string egress, string format)
    {
        Assert.True(GuestEgress.TryParse(egress, out var choice));
        var plan = GuestPlan.For("i-golden", Nics, choice);
        var text = format switch
        {
            "netplan" => NetplanFormat.Render(plan),
            "nmcli" => NmcliFormat.Render(plan),
            _ => IpFormat.Render(plan),
        };
        var name = $"{egress.Replace(':', '-')}.{format}";
        var path = Path.Combine(Root(), "tests", "Eipnet.Cli.Tests", "Guest", "Golden", name);
        if (Environment.GetEnvironmentVariable("EIP_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
        Assert.Equal(File.ReadAllText(path), text);
    }

    [Theory]
    [InlineData("primary")]
    [InlineData("eni:eni-natsecondary00000")]
    [InlineData("eni:eni-cutthrough0000000")]
    public void Netplan_IsAcceptedByNetplanItself(string egress)
    {
        Assert.True(GuestEgress.TryParse(egress, out var choice));
        var root = Directory.CreateTempSubdirectory("eipnet-netplan-").FullName;
        try
        {
            var config = Path.Combine(root, "etc", "netplan", "50-eipnet.yaml");
            Directory.CreateDirectory(Path.GetDirectoryName(config)!);
            File.WriteAllText(config, NetplanFormat.Render(GuestPlan.For("i-golden", Nics, choice)));
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(config, UnixFileMode.UserRead | UnixFileMode.UserWrite); // netplan warns about readable configs
            var info = new System.Diagnostics.ProcessStartInfo("netplan", ["generate", "--root-dir", root]) { RedirectStandardError = true, RedirectStandardOutput = true };
            using var netplan = System.Diagnostics.Process.Start(info)
                ?? throw new InvalidOperationException("netplan did not start (Debian package netplan.io; scripts/test installs it)");
            var errors = netplan.StandardError.ReadToEnd();
            netplan.WaitForExit();
            Assert.True(netplan.ExitCode == 0, errors);
            var rendered = string.Concat(Directory.GetFiles(Path.Combine(root, "run", "systemd", "network")).Select(File.ReadAllText));
            Assert.Contains("[RoutingPolicyRule]", rendered, StringComparison.Ordinal);
            Assert.Contains("Table=1001", rendered, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("netplan")]
    [InlineData("nmcli")]
    public void Multipath_IsRefused_ByFormatsThatCannotExpressIt(string format)
    {
        var plan = GuestPlan.For("i-golden", Nics, GuestEgress.Multipath);
        var e = Assert.Throws<GuestConfigException>(() => format == "netplan" ? NetplanFormat.Render(plan) : NmcliFormat.Render(plan));
        Assert.Contains("--format ip", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownEgressEni_IsRefused_NamingTheInstancesEnis()
    {
        var e = Assert.Throws<GuestConfigException>(() => GuestPlan.For("i-golden", Nics, new GuestEgress("eni", "eni-elsewhere")));
        Assert.Contains("eni-primary0000000000", e.Message, StringComparison.Ordinal);
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Eipnet.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
