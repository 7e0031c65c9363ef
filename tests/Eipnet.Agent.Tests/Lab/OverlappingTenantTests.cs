namespace Eipnet.Agent.Tests.Lab;

/// <summary>Issue 10: two accounts each create the most common VPC, 192.168.0.0/16 with a vSwitch 192.168.1.0/24, run an
/// instance (both get 192.168.1.x, the same address) and associate a NAT EIP. Each EIP reaches its own tenant's instance
/// only; each instance goes out as its own EIP; a tenant reaches the other's EIP as any internet host would, and never its
/// private address. Before each VPC was a routing domain of its own, tenant B's EIP answered with tenant A's instance.</summary>
public sealed class OverlappingTenantTests
{
    /// <summary>On one host, and on a gateway and two compute hosts (the instances on different hosts, as placement puts
    /// them).</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task TwoTenantsWithIdenticalCidrs_EachEipReachesItsOwnInstance_AndNoPacketCrossesVpcs(int computeHosts)
    {
        await using var lab = await LabServer.StartAsync(computeHosts: computeHosts);
        var tenantA = await LabScene.CreateAsync(lab, "192.168");
        var tenantB = await LabScene.CreateAsync(lab, "192.168");
        Assert.NotEqual(tenantA.Client.Account.AccountId, tenantB.Client.Account.AccountId);
        var (a, aEni, aIp) = await tenantA.InstanceAsync();
        var (b, bEni, bIp) = await tenantB.InstanceAsync();
        Assert.Equal(aIp, bIp); // the point: the same private address in two VPCs
        var (aEip, aAddress) = await tenantA.EipAsync();
        var (bEip, bAddress) = await tenantB.EipAsync();
        await tenantA.AssociateAsync(aEip, aEni);
        await tenantB.AssociateAsync(bEip, bEni);
        await Packets.TcpServerAsync(lab, lab.InstanceNamespace(a), LabScene.TcpPort, "tenant-a");
        await Packets.TcpServerAsync(lab, lab.InstanceNamespace(b), LabScene.TcpPort, "tenant-b");
        await Packets.TcpServerAsync(lab, lab.Internet, LabScene.TcpPort, "internet");

        // Inbound: each EIP to its own tenant's instance, translated to the private address, from the internet host.
        Assert.Equal($"tenant-a {aIp} 203.0.113.10", Address(await Packets.TcpAsync(lab, lab.Internet, aAddress, LabScene.TcpPort)));
        Assert.Equal($"tenant-b {bIp} 203.0.113.10", Address(await Packets.TcpAsync(lab, lab.Internet, bAddress, LabScene.TcpPort)));

        // Outbound: each instance is seen as its own EIP.
        Assert.EndsWith(aAddress, Peer(await Packets.TcpAsync(lab, lab.InstanceNamespace(a), "203.0.113.10", LabScene.TcpPort)), StringComparison.Ordinal);
        Assert.EndsWith(bAddress, Peer(await Packets.TcpAsync(lab, lab.InstanceNamespace(b), "203.0.113.10", LabScene.TcpPort)), StringComparison.Ordinal);

        // Across tenants only public addresses: A reaches B's EIP (B's instance sees A's EIP), and its own EIP (hairpin).
        Assert.Equal($"tenant-b {bIp} {aAddress}", Address(await Packets.TcpAsync(lab, lab.InstanceNamespace(a), bAddress, LabScene.TcpPort)));
        Assert.StartsWith("tenant-a", await Packets.TcpAsync(lab, lab.InstanceNamespace(a), aAddress, LabScene.TcpPort) ?? "(no answer)", StringComparison.Ordinal);

        // Unassociating A's EIP leaves B's untouched.
        await tenantA.UnassociateAsync(aEip, aEni);
        Assert.Null(await Packets.TcpAsync(lab, lab.Internet, aAddress, LabScene.TcpPort, timeoutSeconds: 1));
        Assert.StartsWith("tenant-b", await Packets.TcpAsync(lab, lab.Internet, bAddress, LabScene.TcpPort) ?? "(no answer)", StringComparison.Ordinal);
    }

    [Fact]
    public async Task NatEip_IsReachedFromItsOwnVpc_AsTheSendersEipOrItsVSwitchGateway_AndTraceAgrees()
    {
        await using var lab = await LabServer.StartAsync();
        var scene = await LabScene.CreateAsync(lab, "192.168");
        var (a, aEni, aIp) = await scene.InstanceAsync();
        var (b, _, bIp) = await scene.InstanceAsync();
        var (eip, address) = await scene.EipAsync();
        await scene.AssociateAsync(eip, aEni);
        await Packets.TcpServerAsync(lab, lab.InstanceNamespace(a), LabScene.TcpPort, "a");

        // b has no EIP: its packet to a's EIP is translated in the VPC's router (hairpin), and a sees the vSwitch's gateway
        // address, through which its answer goes back; a itself reaches its own EIP and sees it as the source.
        Assert.Equal($"a {aIp} 192.168.1.1", Address(await Packets.TcpAsync(lab, lab.InstanceNamespace(b), address, LabScene.TcpPort)));
        Assert.Equal($"a {aIp} {address}", Address(await Packets.TcpAsync(lab, lab.InstanceNamespace(a), address, LabScene.TcpPort)));
        var trace = (await scene.Client.Vpc("TracePacket", ("RegionId", LabScene.Region), ("From", bIp), ("To", address), ("Protocol", "tcp"), ("Port", "8080"))).Success();
        Assert.Equal("delivered", trace.GetProperty("Verdict").GetString());
        Assert.Contains("hairpin", trace.GetProperty("Steps").GetRawText(), StringComparison.Ordinal);
    }

    /// <summary>"TAG LOCAL-ADDRESS PEER-ADDRESS", as the lab's TCP servers answer.</summary>
    private static string Address(string? answer)
    {
        Assert.NotNull(answer);
        return answer.Trim();
    }

    /// <summary>The peer address the internet host saw.</summary>
    private static string Peer(string? answer)
    {
        Assert.NotNull(answer);
        return answer.Trim().Split(' ')[^1];
    }
}
