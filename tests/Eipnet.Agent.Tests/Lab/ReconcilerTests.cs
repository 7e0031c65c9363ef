namespace Eipnet.Agent.Tests.Lab;

/// <summary>The Linux data plane's reconciliation: drift is repaired by the periodic resync, a restart with a data plane
/// that remembers nothing converges to the same kernel state, what it owns and no longer needs goes, and what it does not
/// own stays untouched.</summary>
public sealed class ReconcilerTests
{
    [Fact]
    public async Task Resync_RepairsWhatAHandChanged_AndLeavesWhatIsNotOurs()
    {
        await using var lab = await LabServer.StartAsync(resync: TimeSpan.FromSeconds(2));
        var scene = await LabScene.CreateAsync(lab, 90);
        var (a, _, _) = await scene.InstanceAsync();
        var (allocationId, eip) = await scene.EipAsync();
        await scene.AssociateAsync(allocationId, a, "EcsInstance");
        await Packets.TcpServerAsync(lab, lab.InstanceNamespace(a), LabScene.TcpPort);
        Assert.NotNull(await Packets.TcpAsync(lab, lab.Internet, eip, LabScene.TcpPort));

        // By hand, in the VPC's router: delete the inbound NAT rule, add a map element nobody asked for, a route of ours and
        // things not ours.
        var gw = scene.Router;
        var handle = (await lab.Run.CheckAsync("ip", ["netns", "exec", gw, "nft", "-a", "list", "chain", "ip", "eipnet", "nat_inbound"]))
            .Split('\n').Single(l => l.Contains("iifname \"transit\" dnat to", StringComparison.Ordinal)).Split("# handle ")[1].Trim();
        await lab.Run.CheckAsync("ip", ["netns", "exec", gw, "nft", "delete", "rule", "ip", "eipnet", "nat_inbound", "handle", handle]);
        // An address outside the lab's EIP pool, so that it can never be the EIP this test was given.
        await lab.Run.CheckAsync("ip", ["netns", "exec", gw, "nft", "add", "element", "ip", "eipnet", "dnat_v4", "{ 203.0.113.250 : 10.90.1.250 }"]);
        await lab.Run.IpCheckAsync(gw, ["route", "add", "10.90.1.251/32", "dev", "transit", "proto", "77"]);
        await lab.Run.CheckAsync("ip", ["netns", "exec", gw, "nft", "add", "table", "ip", "visitor"]);
        await lab.Run.IpCheckAsync(gw, ["route", "add", "10.90.1.252/32", "dev", "transit"]);
        Assert.Null(await Packets.TcpAsync(lab, lab.Internet, eip, LabScene.TcpPort, timeoutSeconds: 1));

        // Within a resync period or two, what is ours is as intended again.
        Assert.NotNull(await SecurityGroupTests.Eventually(() => Packets.TcpAsync(lab, lab.Internet, eip, LabScene.TcpPort, timeoutSeconds: 1)));
        var table = await lab.Run.CheckAsync("ip", ["netns", "exec", gw, "nft", "list", "table", "ip", "eipnet"]);
        Assert.DoesNotContain("203.0.113.250", table, StringComparison.Ordinal);
        Assert.DoesNotContain("10.90.1.251", await lab.Run.IpCheckAsync(gw, ["route", "show"]), StringComparison.Ordinal);
        // What is not ours is left as it was.
        Assert.Contains("10.90.1.252", await lab.Run.IpCheckAsync(gw, ["route", "show"]), StringComparison.Ordinal);
        Assert.True((await lab.ExecAsync(gw, "nft", "list", "table", "ip", "visitor")).Succeeded);
    }

    [Fact]
    public async Task Restart_ConvergesToTheSameKernelState_WhateverWasLeftHalfDone()
    {
        await using var lab = await LabServer.StartAsync();
        var scene = await LabScene.CreateAsync(lab, 91);
        var (a, _, _) = await scene.InstanceAsync();
        var (b, _, _) = await scene.InstanceAsync();
        var (eniId, _) = await scene.EniAsync(secondaryIps: 1);
        await scene.AttachAsync(eniId, b);
        var (nat, natAddress) = await scene.EipAsync();
        await scene.AssociateAsync(nat, a, "EcsInstance");
        var (second, secondAddress) = await scene.EipAsync();
        await scene.AssociateAsync(second, eniId);
        var before = await SnapshotAsync(lab);

        // A crash half-way through something: an ENI's link gone, a namespace of ours nobody wants, an instance's
        // route and the table changed, a rule of ours left over.
        var bNs = lab.InstanceNamespace(b);
        var bDevice = (await lab.Run.IpCheckAsync(bNs, ["-o", "link", "show"])).Split('\n')
            .Select(l => l.Split(':', StringSplitOptions.TrimEntries)).Where(f => f.Length > 1).Select(f => f[1].Split('@')[0]).First(n => n.StartsWith('e'));
        await lab.Run.IpCheckAsync(bNs, ["link", "del", bDevice]);
        await lab.Run.IpAsync(null, ["netns", "add", lab.Prefix + "i-ghost"]);
        await lab.Run.IpCheckAsync(lab.InstanceNamespace(a), ["route", "del", "default"]);
        await lab.Run.IpCheckAsync(lab.InstanceNamespace(a), ["rule", "add", "from", "10.91.1.99", "table", "1005", "priority", "1005", "protocol", "77"]);
        await lab.Run.CheckAsync("ip", ["netns", "exec", scene.Router, "nft", "flush", "map", "ip", "eipnet", "snat_v4"]);

        await lab.RestartAsync();

        string? after = null;
        var end = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < end && (after = await SnapshotAsync(lab)) != before)
            await Task.Delay(100);
        Assert.Equal(before, after);
        await Packets.TcpServerAsync(lab, lab.InstanceNamespace(a), LabScene.TcpPort);
        await Packets.TcpServerAsync(lab, bNs, LabScene.TcpPort);
        Assert.NotNull(await Packets.TcpAsync(lab, lab.Internet, natAddress, LabScene.TcpPort));
        Assert.NotNull(await Packets.TcpAsync(lab, lab.Internet, secondAddress, LabScene.TcpPort));
    }

    /// <summary>Everything of ours in the kernel, as text: namespaces, links with MACs, addresses, our routes and rules, the table.</summary>
    private static async Task<string> SnapshotAsync(LabServer lab)
    {
        var text = new System.Text.StringBuilder();
        foreach (var ns in Kernel.Namespaces.WithPrefix(lab.Prefix))
        {
            var parts = new List<string>();
            foreach (var args in new[] { new[] { "-br", "link", "show" }, ["-br", "-4", "addr", "show"], ["route", "show", "table", "all", "proto", "77"], ["rule", "show"] })
            {
                var result = await lab.Run.IpAsync(ns, args);
                if (!result.Succeeded && !Kernel.Namespaces.Exists(ns))
                    break; // deleted while we looked (the data plane is still converging): not part of the state
                if (!result.Succeeded)
                    throw new Kernel.CommandFailedException(result);
                parts.Add(args[0] == "-br" ? StripIndexes(result.Stdout) : result.Stdout);
            }
            if (parts.Count < 4)
                continue;
            text.AppendLine("ns " + ns);
            foreach (var part in parts)
                text.AppendLine(part);
        }
        // The tables: the gateway's and each VPC router's.
        foreach (var ns in Kernel.Namespaces.WithPrefix(lab.Prefix))
        {
            var table = await lab.Run.IpAsync(null, ["netns", "exec", ns, "nft", "-j", "list", "table", "ip", "eipnet"]);
            if (table.Succeeded)
                text.AppendLine("table " + ns).AppendLine(CanonicalTable(table.Stdout));
        }
        return text.ToString();
    }

    /// <summary>The table as sorted JSON objects without handles: the kernel lists sets, chains and elements in the order
    /// they were made, which differs between a whole load and a history of small changes that end in the same table.</summary>
    private static string CanonicalTable(string json)
    {
        var objects = System.Text.Json.Nodes.JsonNode.Parse(json)!["nftables"]!.AsArray()
            .Where(o => o!["metainfo"] is null)
            .Select(o => Canonical(o!).ToJsonString())
            .Order(StringComparer.Ordinal);
        return string.Join('\n', objects);
    }

    private static System.Text.Json.Nodes.JsonNode Canonical(System.Text.Json.Nodes.JsonNode node)
    {
        switch (node)
        {
            case System.Text.Json.Nodes.JsonObject o:
                var copy = new System.Text.Json.Nodes.JsonObject();
                foreach (var (key, value) in o.Where(p => p.Key != "handle").OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    var v = value is null ? null : Canonical(value);
                    if (key == "elem" && v is System.Text.Json.Nodes.JsonArray elems)
                        v = new System.Text.Json.Nodes.JsonArray(elems.Select(e => e!.ToJsonString()).Order(StringComparer.Ordinal)
                            .Select(e => System.Text.Json.Nodes.JsonNode.Parse(e)).ToArray());
                    copy[key] = v;
                }
                return copy;
            case System.Text.Json.Nodes.JsonArray a:
                return new System.Text.Json.Nodes.JsonArray(a.Select(e => e is null ? null : Canonical(e)).ToArray());
            default:
                return node.DeepClone();
        }
    }

    // "e123@if7": the peer's interface index changes when a link is recreated; the name and MAC are what matter.
    // Lines are sorted because the kernel lists links by index, and a recreated link gets a new one.
    private static string StripIndexes(string text) =>
        string.Join('\n', System.Text.RegularExpressions.Regex.Replace(text, @"@if\d+", "").Split('\n').Order(StringComparer.Ordinal));
}
