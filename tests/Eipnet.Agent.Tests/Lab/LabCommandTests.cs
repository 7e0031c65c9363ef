using System.Diagnostics;
using Eipnet.Agent.Kernel;
using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Agent.Tests.Lab;

/// <summary>The README's main command, `eipnet server` with the lab: by default a gateway host and two compute hosts, each a
/// namespace on the lab's underlay with its own `eipnet agent` process, driven as the README does (the CLI, `lab exec`).</summary>
public sealed class LabCommandTests
{
    [Fact]
    public async Task DefaultLab_IsAGatewayAndTwoComputeHosts_EachWithItsOwnAgent_AndAnEipReachesAnInstanceThroughIt()
    {
        var data = TestDatabases.NewSqliteDirectory();
        var prefix = $"eipt{Environment.ProcessId}x" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3)) + "-";
        var port = EipnetProcess.FreePort();
        var env = new Dictionary<string, string>
        {
            ["EIPNET_BOOTSTRAP_ACCESS_KEY_ID"] = "LTAIlab", ["EIPNET_BOOTSTRAP_ACCESS_KEY_SECRET"] = "labsecret",
            ["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "LTAIlab", ["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = "labsecret", ["ALIBABA_CLOUD_REGION_ID"] = "cn-shanghai",
            ["EIPNET_ENDPOINT"] = $"127.0.0.1:{port}",
        };
        Process? listener = null;
        try
        {
            await using var server = await EipnetProcess.StartServerAsync(port, ["--data", data, "--lab-prefix", prefix, "--resync-seconds", "1"], env, dataPlane: "linux");
            Assert.Contains(server.Output, l => l.Contains("through agents g1 (gateway), c1 (compute), c2 (compute)", StringComparison.Ordinal));
            async Task<string> Cli(params string[] args)
            {
                var (code, stdout, stderr) = await EipnetProcess.RunAsync(args, env);
                Assert.True(code == 0, $"eipnet {string.Join(' ', args)}: {stderr}{stdout}");
                return stdout.Trim();
            }
            var vpc = await Cli("vpc", "CreateVpc", "CidrBlock=10.1.0.0/16", "--query", "VpcId");
            var vsw = await Cli("vpc", "CreateVSwitch", $"VpcId={vpc}", "ZoneId=cn-shanghai-b", "CidrBlock=10.1.1.0/24", "--query", "VSwitchId");
            var sg = await Cli("ecs", "CreateSecurityGroup", $"VpcId={vpc}", "--query", "SecurityGroupId");
            await Cli("ecs", "AuthorizeSecurityGroup", $"SecurityGroupId={sg}", "IpProtocol=TCP", "PortRange=80/80", "SourceCidrIp=0.0.0.0/0");
            var instance = await Cli("ecs", "RunInstances", "InstanceType=ecs.g7.large", "ImageId=ubuntu_22_04_x64", $"VSwitchId={vsw}", $"SecurityGroupId={sg}",
                "--query", "InstanceIdSets.InstanceIdSet[0]");
            Assert.Equal("c1", await Cli("ecs", "DescribeInstances", $"InstanceIds=[\"{instance}\"]", "--query", "Instances.Instance[0].EipnetHost"));
            var eip = await Cli("vpc", "AllocateEipAddress", "--query", "AllocationId");
            var address = await Cli("vpc", "DescribeEipAddresses", $"AllocationId={eip}", "--query", "EipAddresses.EipAddress[0].IpAddress");
            await Cli("vpc", "AssociateEipAddress", $"AllocationId={eip}", $"InstanceId={instance}", "InstanceType=EcsInstance");
            await Fixtures.WaitForAsync("EIP InUse", async () => (System.Text.Json.JsonElement?)System.Text.Json.JsonDocument.Parse(
                    $"\"{await Cli("vpc", "DescribeEipAddresses", $"AllocationId={eip}", "--query", "EipAddresses.EipAddress[0].Status")}\"").RootElement,
                s => s.GetString() == "InUse");

            // Each host is its own namespace on the underlay, with its agent's namespaces beside it: the instance on c1.
            Assert.True(Namespaces.Exists(prefix + "underlay"));
            foreach (var host in new[] { "g1", "c1", "c2" })
                Assert.True(Namespaces.Exists(prefix + host), host);
            Assert.True(Namespaces.Exists($"{prefix}c1-{instance}"));
            Assert.Equal(3, Process.GetProcesses().Count(p => Safe(() => File.ReadAllText($"/proc/{p.Id}/cmdline")).Contains(prefix, StringComparison.Ordinal)
                && Safe(() => File.ReadAllText($"/proc/{p.Id}/cmdline")).Contains("agent", StringComparison.Ordinal)));

            // `lab exec` finds the instance on its host and the internet host on the gateway's.
            var info = new ProcessStartInfo(EipnetProcess.Binary) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in (string[])["lab", "exec", "--lab-prefix", prefix, instance, "--", "socat", "TCP-LISTEN:80,fork,reuseaddr", "SYSTEM:echo hello from $SOCAT_SOCKADDR"])
                info.ArgumentList.Add(a);
            listener = Process.Start(info)!;
            string answer = "";
            for (var i = 0; i < 100 && !answer.StartsWith("hello", StringComparison.Ordinal); i++)
                answer = (await EipnetProcess.RunAsync(["lab", "exec", "--lab-prefix", prefix, "internet", "--", "socat", "-T1", "-", $"TCP:{address}:80"], env)).Stdout.Trim();
            Assert.Equal("hello from 10.1.1.2", answer);
        }
        finally
        {
            if (listener is not null)
            {
                // `lab exec` runs socat in the instance's namespace: end what this test started there (by PID), then lab exec itself.
                var run = new CommandRunner();
                foreach (var ns in Namespaces.WithPrefix(prefix))
                    foreach (var pid in (await run.IpAsync(null, ["netns", "pids", ns])).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                        if (int.TryParse(pid, out var id) && id != Environment.ProcessId)
                            Safe(() => { using var p = Process.GetProcessById(id); if (!p.ProcessName.StartsWith("eipnet", StringComparison.Ordinal)) p.Kill(); return ""; });
                OwnedProcess.Terminate(listener, TimeSpan.FromSeconds(5));
                listener.Dispose();
            }
            await EipnetProcess.RunAsync(["lab", "down", "--lab-prefix", prefix]);
            Directory.Delete(data, recursive: true);
        }
    }

    private static string Safe(Func<string> read)
    {
        try
        {
            return read();
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return ""; // the process ended meanwhile
        }
    }
}
