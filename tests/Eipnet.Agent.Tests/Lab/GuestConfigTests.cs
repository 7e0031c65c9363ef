using Eipnet.Cli.Client;
using Eipnet.Cli.Guest;

namespace Eipnet.Agent.Tests.Lab;

/// <summary>The seed's FAQ in the lab: inbound through any ENI's EIP needs no route change; outbound through a secondary
/// ENI's EIP needs the configuration guest-config generates (the ip format, applied inside the instance).</summary>
public sealed class GuestConfigTests
{
    [Fact]
    public async Task OutboundLeavesByThePrimary_UntilTheGeneratedConfigMovesIt_OrSpreadsIt_AndInboundIsAlwaysAnsweredFromItsEip()
    {
        await using var lab = await LabServer.StartAsync();
        var scene = await LabScene.CreateAsync(lab, 96);
        var (instanceId, _, _) = await scene.InstanceAsync();
        var (primaryEip, primaryAddress) = await scene.EipAsync();
        await scene.AssociateAsync(primaryEip, instanceId, "EcsInstance");
        var secondary = new List<(string EniId, string Eip)>();
        for (var n = 0; n < 2; n++)
        {
            var (eniId, _) = await scene.EniAsync();
            await scene.AttachAsync(eniId, instanceId);
            var (allocationId, address) = await scene.EipAsync();
            await scene.AssociateAsync(allocationId, eniId);
            secondary.Add((eniId, address));
        }
        var ns = lab.InstanceNamespace(instanceId);
        var all = new[] { primaryAddress, secondary[0].Eip, secondary[1].Eip };
        await Packets.TcpServerAsync(lab, lab.Internet, 9000);
        await Packets.TcpServerAsync(lab, ns, LabScene.TcpPort);

        // Without configuration: new connections leave by the primary ENI; inbound works through every EIP.
        Assert.Equal($"203.0.113.10 {primaryAddress}", await Packets.TcpAsync(lab, ns, "203.0.113.10", 9000));
        await AssertInboundAsync(lab, all);

        using var client = new ApiClient(lab.Server.Server.Endpoint, scene.Client.Account.AccessKeyId, scene.Client.Account.AccessKeySecret);
        var nics = await GuestReader.ReadAsync(client, LabScene.Region, instanceId, CancellationToken.None);
        Assert.Equal(3, nics.Count);

        await ApplyAsync(lab, ns, GuestPlan.For(instanceId, nics, new GuestEgress("eni", secondary[0].EniId)));
        Assert.Equal($"203.0.113.10 {secondary[0].Eip}", await Packets.TcpAsync(lab, ns, "203.0.113.10", 9000));
        await AssertInboundAsync(lab, all);

        await ApplyAsync(lab, ns, GuestPlan.For(instanceId, nics, GuestEgress.Multipath));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 40; i++)
        {
            var answer = await Packets.TcpAsync(lab, ns, "203.0.113.10", 9000);
            Assert.NotNull(answer);
            seen.Add(answer.Split(' ')[1]);
        }
        Assert.Subset(all.ToHashSet(StringComparer.Ordinal), seen);
        Assert.True(seen.Count >= 2, $"40 connections all left from {string.Join(", ", seen)}");
        await AssertInboundAsync(lab, all);
    }

    private static async Task ApplyAsync(LabServer lab, string ns, GuestPlan plan)
    {
        var result = await lab.ExecAsync(ns, "sh", "-c", IpFormat.Render(plan));
        Assert.True(result.Succeeded, result.Stderr);
    }

    /// <summary>A connection through each EIP is answered: a reply leaving by another ENI would be dropped as spoofed.</summary>
    private static async Task AssertInboundAsync(LabServer lab, IEnumerable<string> eips)
    {
        foreach (var eip in eips)
            Assert.EndsWith(" 203.0.113.10", await Packets.TcpAsync(lab, lab.Internet, eip, LabScene.TcpPort) ?? "(no answer)");
    }
}
