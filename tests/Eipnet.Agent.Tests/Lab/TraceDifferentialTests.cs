using System.Globalization;
using Xunit.Abstractions;

namespace Eipnet.Agent.Tests.Lab;

/// <summary>Trace agrees with the packets: from a fixed seed, five generations of a small topology (all three modes; each
/// generation new random security group rules, the NAT EIP on a random instance, the multi-EIP ENI moved) and 15 flows
/// each; for every flow the TracePacket verdict must equal what a real TCP connection does.</summary>
public sealed class TraceDifferentialTests(ITestOutputHelper output)
{
    private static readonly int[] Ports = [8080, 8090];

    /// <summary>On one host, and on a gateway and two compute hosts (the instances on different hosts, as placement puts
    /// them).</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task TraceVerdicts_MatchRealPackets_AcrossGeneratedTopologiesAndFlows(int computeHosts)
    {
        await using var lab = await LabServer.StartAsync(computeHosts: computeHosts);
        var random = new Random(20261127);
        var scene = await LabScene.CreateAsync(lab, 97, openPorts: false);
        var g1 = scene.Net.SecurityGroupId;
        var g2 = await scene.SecurityGroupAsync();
        var (a, _, aIp) = await scene.InstanceAsync(g1);
        var (b, _, bIp) = await scene.InstanceAsync(g2);
        var (c, _, cIp) = await scene.InstanceAsync(g1);
        var (natEip, natAddress) = await scene.EipAsync();
        await scene.AssociateAsync(natEip, a, "EcsInstance");
        var (cutEni, cutIps) = await scene.EniAsync(securityGroupId: g2);
        var (cutEip, cutAddress) = await scene.EipAsync();
        await scene.AssociateAsync(cutEip, cutEni, mode: "BINDED");
        await scene.AttachAsync(cutEni, b);
        var (multiEni, multiIps) = await scene.EniAsync(securityGroupId: g1);
        var (multiEip, multiAddress) = await scene.EipAsync();
        await scene.AssociateAsync(multiEip, multiEni, mode: "MULTI_BINDED");
        await scene.AttachAsync(multiEni, c);
        var multiDevice = await CutThroughModeTests.EniDeviceAsync(scene, lab, lab.InstanceNamespace(c), multiEni);
        await lab.Run.IpCheckAsync(lab.InstanceNamespace(c), ["addr", "add", multiAddress + "/24", "dev", multiDevice]);
        foreach (var instance in new[] { a, b, c })
            foreach (var port in Ports)
                await Packets.TcpServerAsync(lab, lab.InstanceNamespace(instance), port);

        var instances = new[] { (Id: a, Ip: aIp), (Id: b, Ip: bIp), (Id: c, Ip: cIp) };
        var checkedFlows = 0;
        var natOn = a;
        for (var round = 0; round < 5; round++)
        {
            await RandomRulesAsync(scene, random, g1, g2);
            if (round > 0)
            {
                // The NAT EIP goes to a random instance's primary ENI.
                var next = instances[random.Next(instances.Length)].Id;
                if (next != natOn)
                {
                    await scene.UnassociateAsync(natEip, natOn, "EcsInstance");
                    await scene.AssociateAsync(natEip, next, "EcsInstance");
                    natOn = next;
                }
                // The multi-EIP ENI moves (c -> a, a -> c, ...): its EIP and private IP go along; the guest adds the EIP again.
                var (from, to) = round % 2 == 1 ? (c, a) : (a, c);
                await scene.DetachAsync(multiEni, from);
                await scene.AttachAsync(multiEni, to);
                var device = await CutThroughModeTests.EniDeviceAsync(scene, lab, lab.InstanceNamespace(to), multiEni);
                await lab.Run.IpCheckAsync(lab.InstanceNamespace(to), ["addr", "add", multiAddress + "/24", "dev", device]);
            }
            await lab.WaitAppliedAsync(); // the rule changes are in the kernel

            var flows = new List<(string Ns, string From, string To, int Port)>();
            foreach (var eip in new[] { natAddress, cutAddress, multiAddress })
                foreach (var port in Ports)
                    flows.Add((lab.Internet, "203.0.113.10", eip, port));
            foreach (var src in instances)
                foreach (var dst in instances.Where(d => d.Id != src.Id))
                    flows.Add((lab.InstanceNamespace(src.Id), src.Ip, dst.Ip, Ports[random.Next(Ports.Length)]));
            flows.Add((lab.InstanceNamespace(a), aIp, cutIps[0], 8080));
            flows.Add((lab.InstanceNamespace(b), bIp, cutIps[0], 8080)); // its own cut-through ENI's private IP
            flows.Add((lab.InstanceNamespace(a), aIp, multiIps[0], 8080));
            // From the VPC to its own EIPs: the NAT EIP by hairpin (from its holder too), the cut-through EIP (public only) and the
            // multi-EIP one (routed inside the VPC), except from the instance that has the address configured (a local delivery).
            // Only from an instance with no EIP configured in its guest: one that has the cut-through EIP (b) or the multi-EIP
            // address routes the whole pool (/24, as DHCP and DescribeEipGatewayInfo give it) on-link through that ENI, so a
            // packet from its primary address to another EIP leaves by an ENI that does not own the source and anti-spoofing
            // drops it; the trace assumes a packet leaves by the ENI that owns its source address (README, "Trace").
            var multiOn = round % 2 == 1 ? a : c;
            foreach (var src in instances.Where(i => i.Id != multiOn && i.Id != b))
            {
                flows.Add((lab.InstanceNamespace(src.Id), src.Ip, natAddress, 8080));
                flows.Add((lab.InstanceNamespace(src.Id), src.Ip, cutAddress, 8080));
                flows.Add((lab.InstanceNamespace(src.Id), src.Ip, multiAddress, 8080));
            }

            foreach (var (ns, from, to, port) in flows)
            {
                var trace = (await scene.Client.Vpc("TracePacket", ("RegionId", LabScene.Region), ("From", from), ("To", to), ("Protocol", "tcp"),
                    ("Port", port.ToString(CultureInfo.InvariantCulture)))).Success();
                var verdict = trace.GetProperty("Verdict").GetString();
                var answer = await Packets.TcpAsync(lab, ns, to, port, source: ns == lab.Internet ? null : from, timeoutSeconds: 1);
                var real = answer is null ? "dropped" : "delivered";
                output.WriteLine($"round {round}: tcp {from} -> {to}:{port}: trace {verdict}, packets {real}");
                Assert.True(verdict == real, $"round {round}, tcp {from} -> {to}:{port}: trace says {verdict}, packets say {real}; steps: {trace.GetProperty("Steps").GetRawText()}");
                checkedFlows++;
            }
        }
        Assert.Equal(90, checkedFlows);
    }

    /// <summary>Replaces both groups' inbound rules with 2-4 random ones: TCP ports 8080/8090 or a range over both, sources
    /// from the internet host's range, another range, anywhere or the other group, accept or drop, random priorities.</summary>
    private static async Task RandomRulesAsync(LabScene scene, Random random, string g1, string g2)
    {
        foreach (var (group, other) in new[] { (g1, g2), (g2, g1) })
        {
            var existing = (await scene.EcsAsync("DescribeSecurityGroupAttribute", ("SecurityGroupId", group))).Success()
                .GetProperty("Permissions").GetProperty("Permission").EnumerateArray().Select(p => p.GetProperty("SecurityGroupRuleId").GetString()!).ToList();
            if (existing.Count > 0)
            {
                (string, string)[] ids = [("SecurityGroupId", group), .. existing.Select((id, i) => ($"SecurityGroupRuleId.{i + 1}", id))];
                (await scene.EcsAsync("RevokeSecurityGroup", ids)).Success();
            }
            for (var n = random.Next(2, 5); n > 0; n--)
            {
                var range = random.Next(3) switch { 0 => "8080/8080", 1 => "8090/8090", _ => "8080/8090" };
                var policy = random.Next(3) == 0 ? "drop" : "accept";
                var priority = random.Next(1, 6);
                var peer = random.Next(4);
                if (peer == 3)
                    await scene.AllowAsync(group, "TCP", range, policy: policy, priority: priority, sourceGroupId: other);
                else
                    await scene.AllowAsync(group, "TCP", range, source: peer switch { 0 => "203.0.113.0/24", 1 => "198.51.100.0/24", _ => "0.0.0.0/0" }, policy: policy, priority: priority);
            }
        }
    }
}
