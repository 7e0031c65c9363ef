namespace Eipnet.Agent.Tests.Lab;

/// <summary>Security groups, stateful, with real packets: inbound denied unless a rule allows it (protocol, port range,
/// source CIDR or group, priority, accept/drop), outbound allowed unless egress rules say otherwise, members of a group
/// reach each other, and a rule change applies to new connections as soon as the reconciler has applied it.</summary>
public sealed class SecurityGroupTests
{
    [Fact]
    public async Task InboundThroughAnEip_IsDeniedUnlessARuleAllowsIt_AndTheHighestPriorityRuleWins()
    {
        await using var lab = await LabServer.StartAsync();
        var scene = await LabScene.CreateAsync(lab, 60, openPorts: false);
        var group = scene.Net.SecurityGroupId;
        var (a, _, _) = await scene.InstanceAsync();
        var (allocationId, eip) = await scene.EipAsync();
        await scene.AssociateAsync(allocationId, a, "EcsInstance");
        var ns = lab.InstanceNamespace(a);
        await Packets.TcpServerAsync(lab, ns, 8080);
        await Packets.TcpServerAsync(lab, ns, 8090);
        await Packets.UdpServerAsync(lab, ns, 8080);

        Assert.Null(await Probe(lab, eip, 8080));

        await scene.AllowAsync(group, "TCP", "8080/8080", source: "203.0.113.0/24", priority: 10);
        Assert.NotNull(await Eventually(() => Probe(lab, eip, 8080)));
        Assert.Null(await Probe(lab, eip, 8090)); // another port
        Assert.Null(await Packets.UdpAsync(lab, lab.Internet, eip, 8080, timeoutSeconds: 1)); // another protocol

        await scene.AllowAsync(group, "TCP", "8085/8095", source: "198.51.100.0/24");
        Assert.Null(await Probe(lab, eip, 8090)); // a source the rule does not name
        await scene.AllowAsync(group, "TCP", "8085/8095", source: "203.0.113.0/24");
        Assert.NotNull(await Eventually(() => Probe(lab, eip, 8090))); // a port range

        // A drop of higher priority (smaller number) beats the accept.
        await scene.AllowAsync(group, "TCP", "8080/8080", source: "203.0.113.10/32", policy: "drop", priority: 5);
        Assert.Null(await EventuallyNull(() => Probe(lab, eip, 8080)));
        (await scene.EcsAsync("RevokeSecurityGroup", ("SecurityGroupId", group), ("IpProtocol", "TCP"), ("PortRange", "8080/8080"),
            ("SourceCidrIp", "203.0.113.10/32"), ("Policy", "drop"), ("Priority", "5"))).Success();
        Assert.NotNull(await Eventually(() => Probe(lab, eip, 8080)));
    }

    [Fact]
    public async Task MembersOfAGroupReachEachOther_AndAGroupRuleAdmitsAnotherGroup()
    {
        await using var lab = await LabServer.StartAsync();
        var scene = await LabScene.CreateAsync(lab, 61, openPorts: false);
        var g1 = scene.Net.SecurityGroupId;
        var g2 = await scene.SecurityGroupAsync();
        var (a, _, aIp) = await scene.InstanceAsync(g1);
        var (b, _, _) = await scene.InstanceAsync(g1);
        var (c, _, _) = await scene.InstanceAsync(g2);
        await Packets.TcpServerAsync(lab, lab.InstanceNamespace(a), 8095);

        Assert.NotNull(await Packets.TcpAsync(lab, lab.InstanceNamespace(b), aIp, 8095));
        Assert.Null(await Packets.TcpAsync(lab, lab.InstanceNamespace(c), aIp, 8095, timeoutSeconds: 1));

        await scene.AllowAsync(g1, "TCP", "8095/8095", sourceGroupId: g2);
        Assert.NotNull(await Eventually(() => Packets.TcpAsync(lab, lab.InstanceNamespace(c), aIp, 8095, timeoutSeconds: 1)));
    }

    [Fact]
    public async Task OutboundIsAllowed_UnlessAnEgressRuleDropsIt_AndRepliesToAllowedInboundAlwaysPass()
    {
        await using var lab = await LabServer.StartAsync();
        var scene = await LabScene.CreateAsync(lab, 62);
        var group = scene.Net.SecurityGroupId;
        var (a, _, _) = await scene.InstanceAsync();
        var (allocationId, eip) = await scene.EipAsync();
        await scene.AssociateAsync(allocationId, a, "EcsInstance");
        var ns = lab.InstanceNamespace(a);
        await Packets.TcpServerAsync(lab, lab.Internet, 9000);
        await Packets.TcpServerAsync(lab, ns, LabScene.TcpPort);

        Assert.Equal($"203.0.113.10 {eip}", await Packets.TcpAsync(lab, ns, "203.0.113.10", 9000));
        (await scene.EcsAsync("AuthorizeSecurityGroupEgress", ("SecurityGroupId", group), ("IpProtocol", "TCP"), ("PortRange", "1/65535"),
            ("DestCidrIp", "203.0.113.0/24"), ("Policy", "drop"), ("Priority", "1"))).Success();
        Assert.Null(await EventuallyNull(() => Packets.TcpAsync(lab, ns, "203.0.113.10", 9000, timeoutSeconds: 1)));
        // Stateful: the egress drop does not stop the replies of an inbound connection the group allows.
        Assert.NotNull(await Packets.TcpAsync(lab, lab.Internet, eip, LabScene.TcpPort));
    }

    private static Task<string?> Probe(LabServer lab, string eip, int port) => Packets.TcpAsync(lab, lab.Internet, eip, port, timeoutSeconds: 1);

    /// <summary>Retries until the probe answers: a rule change takes effect once the reconciler has applied it (one pass).</summary>
    internal static async Task<string?> Eventually(Func<Task<string?>> probe)
    {
        var end = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        string? seen;
        while ((seen = await probe()) is null && DateTime.UtcNow < end)
            await Task.Delay(50);
        return seen;
    }

    internal static async Task<string?> EventuallyNull(Func<Task<string?>> probe)
    {
        var end = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        string? seen;
        while ((seen = await probe()) is not null && DateTime.UtcNow < end)
            await Task.Delay(50);
        return seen;
    }
}
