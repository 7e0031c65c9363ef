namespace Eipnet.Agent.Tests.Lab;

/// <summary>The seed: NAT-mode EIPs have no application-layer gateway, cut-through EIPs carry every protocol. Active-mode
/// FTP shows it: the client tells the server, inside the protocol, which address to connect back to.</summary>
public sealed class ProtocolTests
{
    private const int FtpPort = 2121;

    [Fact]
    public async Task ActiveModeFtp_FailsThroughNatMode_AndWorksThroughCutThroughMode()
    {
        await using var lab = await LabServer.StartAsync();
        var scene = await LabScene.CreateAsync(lab, 80);
        // Open every TCP port to the internet host, so that only the translation can stop the data connection.
        await scene.AllowAsync(scene.Net.SecurityGroupId, "TCP", "1/65535", source: "203.0.113.10/32");
        var (nat, _, natIp) = await scene.InstanceAsync();
        var (natEip, _) = await scene.EipAsync();
        await scene.AssociateAsync(natEip, nat, "EcsInstance");
        var (cut, _, _) = await scene.InstanceAsync();
        var (eniId, _) = await scene.EniAsync();
        var (cutEip, cutAddress) = await scene.EipAsync();
        await scene.AssociateAsync(cutEip, eniId, mode: "BINDED");
        await scene.AttachAsync(eniId, cut);

        var script = Path.Combine(AppContext.BaseDirectory, "Lab", "Ftp", "tiny-ftpd.sh");
        var server = lab.Start(lab.Internet, "socat", $"TCP-LISTEN:{FtpPort},reuseaddr,fork", $"EXEC:bash {script}");
        await Packets.WaitListeningAsync(lab, lab.Internet, "-ltnH", FtpPort);

        var throughNat = await FetchAsync(lab, lab.InstanceNamespace(nat), natIp);
        var throughCut = await FetchAsync(lab, lab.InstanceNamespace(cut), cutAddress);

        // NAT: PORT carries the private address, which the internet cannot reach; cut-through: it carries the EIP itself.
        // Both control connections worked: the server was told where to connect.
        Assert.True(await server.SawAsync($"PORT {natIp} ", TimeSpan.FromSeconds(1)), string.Join("\n", server.Lines));
        Assert.True(await server.SawAsync($"PORT {cutAddress} ", TimeSpan.FromSeconds(1)), string.Join("\n", server.Lines));
        Assert.True(await server.SawAsync($"DATA FAILED {natIp} ", TimeSpan.FromSeconds(1)), string.Join("\n", server.Lines));
        Assert.True(await server.SawAsync($"DATA SENT {cutAddress} ", TimeSpan.FromSeconds(1)), string.Join("\n", server.Lines));
        Assert.Equal(10, throughNat.ExitCode); // CURLE_FTP_ACCEPT_FAILED: the server could not connect back
        Assert.DoesNotContain("hello-from-ftp", throughNat.Stdout, StringComparison.Ordinal);
        Assert.True(throughCut.Succeeded, throughCut.Stderr);
        Assert.Equal("hello-from-ftp", throughCut.Stdout.Trim());
    }

    private static Task<Eipnet.Agent.Kernel.CommandResult> FetchAsync(LabServer lab, string ns, string source) =>
        lab.ExecAsync(ns, "curl", "-sS", "--max-time", "8", "--interface", source, "--ftp-port", "-", "--disable-eprt",
            $"ftp://203.0.113.10:{FtpPort}/hello.txt");
}
