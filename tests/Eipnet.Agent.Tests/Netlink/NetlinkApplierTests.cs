using System.Diagnostics;
using Eipnet.Agent.Kernel;
using Eipnet.Agent.Kernel.Netlink;
using Eipnet.DataPlane.Linux;
using Eipnet.DataPlane.Linux.Ops;
using Eipnet.DataPlane.Linux.Topology;

namespace Eipnet.Agent.Tests.Netlink;

/// <summary>Each host operation the applier carries out through netlink leaves the kernel as the ip or conntrack command
/// it replaced does (both ways run side by side in namespaces of their own), and fails or is tolerated where that
/// command failed or was tolerated.</summary>
public sealed class NetlinkApplierTests
{
    private const string EniMac = "02:00:0a:00:01:05";

    private static HostOp Link(TwoWays.Way w, string gateway = "gw1", string eni = "eni1", string mac = EniMac) =>
        new CreateEniLink(w.Gateway, gateway, w.A, eni, mac);

    [Fact]
    public async Task CreateEniLink_LeavesTheSameVethPairAsIp_AndRecreatesALeftOverOne()
    {
        await using var ways = await TwoWays.StartAsync();
        await ways.ApplyAsync(w => Link(w));

        var gateway = await ways.AssertSameAsync(w => w.Gateway);
        var eni = await ways.AssertSameAsync(w => w.A);
        Assert.Contains("\"ifname\":\"gw1\"", gateway, StringComparison.Ordinal);
        Assert.Contains("\"address\":\"06:00:0a:00:01:05\"", gateway, StringComparison.Ordinal);
        Assert.Contains("\"info_kind\":\"veth\"", gateway, StringComparison.Ordinal);
        Assert.Matches("\"ifname\":\"gw1\".*\"UP\".* proxy_delay=0", gateway);
        Assert.Matches($"\"ifname\":\"eni1\".*\"UP\".*\"address\":\"{EniMac}\"", eni);

        // The pair is there already (a pass cut short): it is made again from nothing.
        await ways.ApplyAsync(w => Link(w));
        Assert.Equal(gateway, await ways.AssertSameAsync(w => w.Gateway));
        Assert.Equal(eni, await ways.AssertSameAsync(w => w.A));
    }

    [Fact]
    public async Task Addresses_ReplaceAndDelete_AsIpDoes()
    {
        await using var ways = await TwoWays.StartAsync();
        await ways.ApplyAsync(w => Link(w));
        await ways.ApplyAsync(w => new AddAddress(new AddressAssignment(w.A, "eni1", "10.0.1.5/24")));
        await ways.ApplyAsync(w => new AddAddress(new AddressAssignment(w.A, "eni1", "10.0.1.5/24")));
        await ways.ApplyAsync(w => new AddAddress(new AddressAssignment(w.A, "eni1", "198.51.100.7/32")));
        var both = await ways.AssertSameAsync(w => w.A);
        Assert.Contains("\"local\":\"10.0.1.5\",\"prefixlen\":24", both, StringComparison.Ordinal);
        Assert.Contains("\"local\":\"198.51.100.7\",\"prefixlen\":32", both, StringComparison.Ordinal);

        await ways.ApplyAsync(w => new DeleteAddress(new AddressAssignment(w.A, "eni1", "10.0.1.5/24")));
        var one = await ways.AssertSameAsync(w => w.A);
        Assert.DoesNotContain("10.0.1.5", one, StringComparison.Ordinal);
        Assert.Contains("198.51.100.7", one, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Routes_ReplaceAndDelete_AsIpDoes_WithOurProtocol()
    {
        await using var ways = await TwoWays.StartAsync();
        await ways.ApplyAsync(w => Link(w));
        await ways.ApplyAsync(w => Link(w, "gw2", "eni2", "02:00:0a:00:01:06"));
        await ways.ApplyAsync(w => new AddAddress(new AddressAssignment(w.A, "eni1", "10.0.1.5/24")));
        await ways.ApplyAsync(w => new ReplaceRoute(new RouteEntry(w.A, "default", "eni1", "10.0.1.1", 1001)));
        await ways.ApplyAsync(w => new ReplaceRoute(new RouteEntry(w.A, "default", "eni1", "10.0.1.1")));
        await ways.ApplyAsync(w => new ReplaceRoute(new RouteEntry(w.Gateway, "10.0.1.5/32", "gw1", null)));
        await ways.ApplyAsync(w => new ReplaceRoute(new RouteEntry(w.Gateway, "10.0.1.6/32", "gw1", null)));
        await ways.ApplyAsync(w => new ReplaceRoute(new RouteEntry(w.Gateway, "10.0.1.6/32", "gw2", null))); // the same key, another device
        await ways.ApplyAsync(w => new ReplaceRoute(new RouteEntry(w.Gateway, "default", "gw1", "169.254.0.2", 981385709)));
        var instance = await ways.AssertSameAsync(w => w.A);
        var gateway = await ways.AssertSameAsync(w => w.Gateway);
        Assert.Contains("{\"type\":\"unicast\",\"dst\":\"default\",\"gateway\":\"10.0.1.1\",\"dev\":\"eni1\",\"table\":\"1001\",\"protocol\":\"77\",\"scope\":\"global\",\"flags\":[\"onlink\"]}", instance, StringComparison.Ordinal);
        Assert.Contains("{\"type\":\"unicast\",\"dst\":\"10.0.1.6\",\"dev\":\"gw2\",\"table\":\"main\",\"protocol\":\"77\",\"scope\":\"link\"", gateway, StringComparison.Ordinal);
        Assert.DoesNotContain("\"dst\":\"10.0.1.6\",\"dev\":\"gw1\"", gateway, StringComparison.Ordinal);
        Assert.Contains("\"table\":\"981385709\"", gateway, StringComparison.Ordinal);

        await ways.ApplyAsync(w => new DeleteRoute(w.A, "default", 1001));
        await ways.ApplyAsync(w => new DeleteRoute(w.Gateway, "10.0.1.5/32"));
        Assert.DoesNotContain("\"table\":\"1001\"", await ways.AssertSameAsync(w => w.A), StringComparison.Ordinal);
        Assert.DoesNotContain("\"dst\":\"10.0.1.5\"", await ways.AssertSameAsync(w => w.Gateway), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rules_AddOnceAndDelete_AsIpDoes_WithOurProtocol()
    {
        await using var ways = await TwoWays.StartAsync();
        for (var i = 0; i < 2; i++)
        {
            await ways.ApplyAsync(w => new AddRule(new RuleEntry(w.A, "10.0.1.5", 1001, 1001)));
            await ways.ApplyAsync(w => new AddRule(new RuleEntry(w.Gateway, "all", 981385709, 100, Fwmark: 0x10)));
            await ways.ApplyAsync(w => new AddRule(new RuleEntry(w.Gateway, "10.0.2.0/24", 0, 200)));
        }
        var instance = await ways.AssertSameAsync(w => w.A);
        var gateway = await ways.AssertSameAsync(w => w.Gateway);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(instance, "\"priority\":1001,\"src\":\"10.0.1.5\",\"table\":\"1001\",\"protocol\":\"77\""));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(gateway, "\"priority\":100,\"src\":\"all\",\"fwmark\":\"0x10\",\"table\":\"981385709\",\"protocol\":\"77\""));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(gateway, "\"priority\":200,\"src\":\"10.0.2.0\",\"srclen\":24,\"table\":\"main\",\"protocol\":\"77\""));

        await ways.ApplyAsync(w => new DeleteRule(new RuleEntry(w.A, "10.0.1.5", 1001, 1001)));
        await ways.ApplyAsync(w => new DeleteRule(new RuleEntry(w.Gateway, "all", 981385709, 100, Fwmark: 0x10)));
        Assert.DoesNotContain("\"priority\":1001", await ways.AssertSameAsync(w => w.A), StringComparison.Ordinal);
        var left = await ways.AssertSameAsync(w => w.Gateway);
        Assert.DoesNotContain("\"priority\":100,", left, StringComparison.Ordinal);
        Assert.Contains("\"priority\":200,", left, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoveLink_TakesTheDeviceUpIntoTheOtherNamespace_AsIpDoes_AndAgainIsFine()
    {
        await using var ways = await TwoWays.StartAsync();
        await ways.ApplyAsync(w => Link(w));
        await ways.ApplyAsync(w => new AddAddress(new AddressAssignment(w.A, "eni1", "10.0.1.5/24")));
        await ways.ApplyAsync(w => new MoveLink(w.A, "eni1", w.B));

        Assert.DoesNotContain("eni1", await ways.AssertSameAsync(w => w.A), StringComparison.Ordinal);
        var moved = await ways.AssertSameAsync(w => w.B);
        Assert.Matches("\"ifname\":\"eni1\",\"flags\":\\[[^\\]]*\"UP\"", moved);
        Assert.DoesNotContain("10.0.1.5", moved, StringComparison.Ordinal); // the kernel drops addresses on a move

        // A pass cut short after the move runs it again: the device is no longer in A, and it is up in B.
        await ways.ApplyAsync(w => new MoveLink(w.A, "eni1", w.B));
        Assert.Equal(moved, await ways.AssertSameAsync(w => w.B));
        await ways.AssertSameAsync(w => w.Gateway);
    }

    [Fact]
    public async Task MoveLink_ThroughNetlink_LeavesNoStaleNeighbourOnThePeer_WhenItReturns()
    {
        await using var ways = await TwoWays.StartAsync();
        var way = ways.Netlink;
        await way.Applier.ApplyAsync(Link(way), CancellationToken.None);
        // What the router holds for a guest while its ENI is parked: an entry that keeps failing and probing.
        var neigh = await ways.Run.IpAsync(way.Gateway, ["neigh", "replace", "10.0.1.5", "dev", "gw1", "lladdr", EniMac, "nud", "stale"]);
        Assert.True(neigh.Succeeded, neigh.Stderr);
        Assert.Contains("10.0.1.5", await ways.Run.IpCheckAsync(way.Gateway, ["neigh", "show", "dev", "gw1"]), StringComparison.Ordinal);

        await way.Applier.ApplyAsync(new MoveLink(way.A, "eni1", way.B), CancellationToken.None);

        // Gone when the step returns, not some time after: the first packet to the guest asks afresh, and is answered.
        Assert.Equal("", (await ways.Run.IpCheckAsync(way.Gateway, ["neigh", "show", "dev", "gw1"])).Trim());
        Assert.Matches("\\bUP\\b.*LOWER_UP|LOWER_UP.*\\bUP\\b", await ways.Run.IpCheckAsync(way.Gateway, ["link", "show", "gw1"]));
    }

    [Fact]
    public async Task DeleteEniLink_RemovesBothEnds_AsIpDoes()
    {
        await using var ways = await TwoWays.StartAsync();
        await ways.ApplyAsync(w => Link(w));
        await ways.ApplyAsync(w => new DeleteEniLink(w.Gateway, "gw1"));
        Assert.DoesNotContain("gw1", await ways.AssertSameAsync(w => w.Gateway), StringComparison.Ordinal);
        Assert.DoesNotContain("eni1", await ways.AssertSameAsync(w => w.A), StringComparison.Ordinal);
    }

    public static TheoryData<string> Gone => ["address on a missing device", "missing address", "missing route", "missing rule", "missing link",
        "move of a missing link", "missing namespace"];

    [Theory, MemberData(nameof(Gone))]
    public async Task Deleting_WhatIsNotThere_IsFine_BothWays(string what)
    {
        await using var ways = await TwoWays.StartAsync();
        await ways.ApplyAsync(w => Link(w));
        await ways.ApplyAsync(w => new AddAddress(new AddressAssignment(w.A, "eni1", "10.0.1.5/24")));
        HostOp Op(TwoWays.Way w) => what switch
        {
            "address on a missing device" => new DeleteAddress(new AddressAssignment(w.A, "nosuch", "10.0.1.5/24")),
            "missing address" => new DeleteAddress(new AddressAssignment(w.A, "eni1", "10.0.1.9/24")),
            "missing route" => new DeleteRoute(w.A, "10.9.9.0/24", 1001),
            "missing rule" => new DeleteRule(new RuleEntry(w.A, "10.0.1.9", 1001, 1001)),
            "missing link" => new DeleteEniLink(w.Gateway, "nosuch"),
            "move of a missing link" => new MoveLink(w.B, "eni1", w.A),
            _ => new DeleteAddress(new AddressAssignment(w.Prefix + "nosuch", "eni1", "10.0.1.5/24")),
        };
        var before = await ways.AssertSameAsync(w => w.A);

        await ways.ApplyAsync(Op);

        Assert.Equal(before, await ways.AssertSameAsync(w => w.A));
    }

    public static TheoryData<string> Wrong => ["address on a missing device", "route on a missing device", "route through a missing namespace",
        "up of a missing link", "move into a missing namespace"];

    [Theory, MemberData(nameof(Wrong))]
    public async Task Adding_ToWhatIsNotThere_Fails_BothWays(string what)
    {
        await using var ways = await TwoWays.StartAsync();
        HostOp Op(TwoWays.Way w) => what switch
        {
            "address on a missing device" => new AddAddress(new AddressAssignment(w.A, "nosuch", "10.0.1.5/24")),
            "route on a missing device" => new ReplaceRoute(new RouteEntry(w.A, "default", "nosuch", "10.0.1.1", 1001)),
            "route through a missing namespace" => new ReplaceRoute(new RouteEntry(w.Prefix + "nosuch", "default", "eni1", "10.0.1.1")),
            "up of a missing link" => new MoveLink(w.A, "nosuch", w.B), // not in A (fine), and then not in B to set up
            _ => new MoveLink(w.A, "lo", w.Prefix + "nosuch"),
        };

        await Assert.ThrowsAsync<CommandFailedException>(() => ways.Processes.Applier.ApplyAsync(Op(ways.Processes), CancellationToken.None));
        var e = await Assert.ThrowsAsync<NetlinkException>(() => ways.Netlink.Applier.ApplyAsync(Op(ways.Netlink), CancellationToken.None));
        Assert.True(e.IsMissing, e.Message);
    }

    [Fact]
    public async Task FlushConntrack_DeletesTheEntriesNamingTheAddressOnEitherSide_AsConntrackDoes()
    {
        await using var ways = await TwoWays.StartAsync();
        const string eip = "198.51.100.7";
        string[][] entries =
        [
            ["-p", "udp", "-s", eip, "-d", "203.0.113.9", "--sport", "1000", "--dport", "2000"],                          // original source
            ["-p", "udp", "-s", "203.0.113.9", "-d", eip, "--sport", "1001", "--dport", "2000"],                          // original destination
            ["-p", "udp", "-s", "203.0.113.9", "-d", eip, "--sport", "1002", "--dport", "2000", "-w", "5"],               // in a zone
            ["-p", "tcp", "-s", "203.0.113.9", "-d", "10.0.1.5", "-r", "10.0.1.5", "-q", eip, "--sport", "1003", "--dport", "80",
                "--reply-port-src", "80", "--reply-port-dst", "1003", "--state", "ESTABLISHED"],                            // reply destination (SNAT)
            ["-p", "tcp", "-s", "10.0.1.5", "-d", "203.0.113.9", "-r", eip, "-q", "10.0.1.5", "--sport", "1004", "--dport", "80",
                "--reply-port-src", "80", "--reply-port-dst", "1004", "--state", "ESTABLISHED"],                            // reply source
            ["-p", "udp", "-s", "203.0.113.9", "-d", "198.51.100.8", "--sport", "1005", "--dport", "2000"],               // another address
            ["-p", "udp", "-s", "203.0.113.9", "-d", "198.51.100.70", "--sport", "1006", "--dport", "2000", "-w", "5"],   // another, in a zone
        ];
        foreach (var way in new[] { ways.Processes, ways.Netlink })
        {
            foreach (var entry in entries)
            {
                var insert = await ways.Run.ExecAsync(way.Gateway, "conntrack", ["-I", .. entry, "-t", "600"]);
                Assert.True(insert.Succeeded, insert.Stderr);
            }
        }
        Assert.Equal(7, (await ways.ConntrackAsync(ways.Netlink.Gateway)).Count);

        await ways.ApplyAsync(w => new FlushConntrack(w.Gateway, eip));

        var left = await ways.ConntrackAsync(ways.Netlink.Gateway);
        Assert.Equal(await ways.ConntrackAsync(ways.Processes.Gateway), left);
        Assert.Equal(2, left.Count);
        Assert.All(left, l => Assert.DoesNotContain($"={eip} ", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FlushConntrack_InARow_ShareOneDump_AndDeleteWhatEachWouldHave()
    {
        await using var ways = await TwoWays.StartAsync();
        string[] addresses = ["10.0.1.70", "198.51.100.70", "198.51.100.71"];
        foreach (var way in new[] { ways.Processes, ways.Netlink })
        {
            foreach (var (address, port) in addresses.Append("198.51.100.72").Select((a, i) => (a, 1000 + i)))
            {
                var insert = await ways.Run.ExecAsync(way.Gateway, "conntrack",
                    ["-I", "-p", "udp", "-s", "203.0.113.9", "-d", address, "--sport", $"{port}", "--dport", "53", "-t", "600"]);
                Assert.True(insert.Succeeded, insert.Stderr);
            }
        }

        foreach (var way in new[] { ways.Processes, ways.Netlink })
            await way.Applier.ApplyAsync(new HostDiff([.. addresses.Select(a => new FlushConntrack(way.Gateway, a))]), CancellationToken.None);

        var left = await ways.ConntrackAsync(ways.Netlink.Gateway);
        Assert.Equal(await ways.ConntrackAsync(ways.Processes.Gateway), left);
        Assert.Contains("dst=198.51.100.72 ", Assert.Single(left), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteNamespace_ClosesOurSocketsInIt_SoItAndItsLinksGo()
    {
        await using var ways = await TwoWays.StartAsync();
        var way = ways.Netlink;
        await way.Applier.ApplyAsync(Link(way), CancellationToken.None);
        Assert.Contains(way.A, way.Applier.NetlinkNamespaces);

        await way.Applier.ApplyAsync(new DeleteNamespace(way.A), CancellationToken.None);

        Assert.DoesNotContain(way.A, way.Applier.NetlinkNamespaces);
        await GoneAsync(ways, way.Gateway, "gw1");
    }

    [Fact]
    public async Task ClosingStaleSessions_LetsANamespaceDeletedBehindOurBackGo()
    {
        await using var ways = await TwoWays.StartAsync();
        var way = ways.Netlink;
        await way.Applier.ApplyAsync(Link(way), CancellationToken.None);
        Assert.True((await ways.Run.IpAsync(null, ["netns", "del", way.A])).Succeeded);
        // Our socket in A holds A, and with it the ENI end of the pair, so the gateway end lives on.
        Assert.True((await ways.Run.IpAsync(way.Gateway, ["link", "show", "gw1"])).Succeeded);

        way.Applier.CloseStaleSessions();

        Assert.DoesNotContain(way.A, way.Applier.NetlinkNamespaces);
        Assert.Contains(way.Gateway, way.Applier.NetlinkNamespaces);
        await GoneAsync(ways, way.Gateway, "gw1");
    }

    // The kernel destroys a namespace (and so the veth pairs with an end in it) in the background once nothing holds it.
    private static async Task GoneAsync(TwoWays ways, string ns, string device)
    {
        var clock = Stopwatch.StartNew();
        while ((await ways.Run.IpAsync(ns, ["link", "show", device])).Succeeded)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"{device} is still in {ns} 20 s after the last socket in its peer's namespace closed");
            await Task.Delay(20);
        }
    }
}
