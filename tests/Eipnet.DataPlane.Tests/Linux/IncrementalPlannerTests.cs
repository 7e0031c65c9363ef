using Eipnet.DataPlane.Linux;
using Eipnet.Domain.Associations;
using Eipnet.Domain.Hosts;
using Eipnet.Domain.Resources;

namespace Eipnet.DataPlane.Tests.Linux;

/// <summary>The incremental planner plans exactly what the full planner plans, with the same diff, for every change it takes,
/// and its diffs, applied one after the other, leave the kernel as the full plan describes it.</summary>
public sealed class IncrementalPlannerTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Planner_AgreesWithTheFullPlan_OverARandomRunOfChanges(int seed)
    {
        const int steps = 2000;
        var world = new RandomWorld(seed);
        var state = new DesiredState();
        state.Apply(world.Start());
        var plan = HostPlan.For(state);
        var kernel = new KernelModel(HostPlanOptions.Default);
        kernel.Apply(HostDiff.Between(null, plan));
        var incremental = 0;
        for (var step = 0; step < steps; step++)
        {
            var changes = world.Next();
            var touched = state.Apply(changes);
            var full = HostPlan.For(state);
            var fullDiff = HostDiff.Between(plan, full);
            HostPlan next;
            HostDiff diff;
            if (IncrementalPlanner.TryPlan(plan, state, touched, HostPlanOptions.Default, out next, out diff))
                incremental++;
            else
                (next, diff) = (full, fullDiff);
            var when = $"seed {seed}, step {step} ({string.Join(", ", touched)})";
            AssertSamePlan(full, next, when);
            Assert.True(fullDiff.ToString() == diff.ToString(), $"{when}: the diffs differ\nfull:\n{fullDiff}\nincremental:\n{diff}");
            kernel.Apply(diff);
            kernel.AssertMatches(full, when);
            plan = next;
        }
        // Only vSwitch changes plan in full (and a state with overlapping keys, which the run does not make).
        Assert.True(incremental > steps * 9 / 10, $"{incremental} of {steps} passes were incremental");
    }

    private static readonly HostNode[] Hosts =
    [
        new("g1", 1, HostRoles.Gateway, "192.0.2.11"), new("c1", 2, HostRoles.Compute, "192.0.2.12"), new("c2", 3, HostRoles.Compute, "192.0.2.13"),
    ];

    /// <summary>The same on each of a gateway and two compute hosts planning their share of one intent (instances placed on either
    /// compute host): a change that moves where a VPC has compute hosts plans in full, the rest incrementally.</summary>
    [Theory]
    [InlineData(6, "g1")]
    [InlineData(7, "c1")]
    [InlineData(8, "c2")]
    public void Planner_AgreesWithTheFullPlan_OnEachOfSeveralHosts(int seed, string host)
    {
        const int steps = 1500;
        var options = HostPlanOptions.Default with { HostName = host };
        static DesiredChanges Placed(DesiredChanges changes) => changes with
        {
            Hosts = Hosts,
            Instances = changes.Instances.Select(i => i with { Host = i.InstanceId.Sum(c => c) % 2 == 0 ? "c1" : "c2" }).ToList(),
        };
        var world = new RandomWorld(seed);
        var state = new DesiredState();
        state.Apply(Placed(world.Start()));
        var plan = HostPlan.For(state, options);
        var kernel = new KernelModel(options);
        kernel.Apply(HostDiff.Between(null, plan, options));
        var incremental = 0;
        for (var step = 0; step < steps; step++)
        {
            var touched = state.Apply(Placed(world.Next()));
            var full = HostPlan.For(state, options);
            var fullDiff = HostDiff.Between(plan, full, options);
            HostPlan next;
            HostDiff diff;
            if (IncrementalPlanner.TryPlan(plan, state, touched, options, out next, out diff))
                incremental++;
            else
                (next, diff) = (full, fullDiff);
            var when = $"{host}, seed {seed}, step {step} ({string.Join(", ", touched)})";
            AssertSamePlan(full, next, when);
            Assert.True(fullDiff.ToString() == diff.ToString(), $"{when}: the diffs differ\nfull:\n{fullDiff}\nincremental:\n{diff}");
            kernel.Apply(diff);
            kernel.AssertMatches(full, when);
            plan = next;
        }
        Assert.True(incremental > steps / 2, $"{host}: {incremental} of {steps} passes were incremental");
    }

    [Fact]
    public void Planner_AgreesWithTheFullPlan_OverARandomRunOfNatChanges()
    {
        var state = new DesiredState();
        state.Apply(Make.TenThousandNatEips());
        var plan = HostPlan.For(state);
        var random = new Random(4);
        var ids = state.Eips.Keys.ToList();
        var privateIps = state.Eips.Values.Select(e => e.Association!.PrivateIpAddress).ToList();
        for (var step = 0; step < 30; step++)
        {
            var eip = state.Eips[ids[random.Next(ids.Count)]];
            Eip next = random.Next(3) switch
            {
                0 => eip with { Status = EipStatus.Unassociating },
                1 => eip with { Status = EipStatus.Available, Association = null },
                _ => eip with
                {
                    Status = EipStatus.Associating,
                    Association = Free(state, privateIps, random) is { } ip
                        ? new Association(EniOf(ip), Association.NetworkInterface, EniOf(ip), ip, AssociationMode.Nat)
                        : eip.Association,
                },
            };
            var touched = state.Apply(Make.Partial(step + 2, eips: [next]));

            Assert.True(IncrementalPlanner.TryPlan(plan, state, touched, HostPlanOptions.Default, out var fast, out var diff));
            var full = HostPlan.For(state);
            AssertSamePlan(full, fast, $"step {step}");
            Assert.Equal(HostDiff.Between(plan, full).ToString(), diff.ToString());
            Assert.True(diff.Count <= 7, $"step {step}: {diff.Count} operations for one EIP"); // 6 elements (2 router, 4 gateway) and a flush
            plan = fast;
        }
    }

    [Fact]
    public void Planner_MovesAnEni_InOperationsThatDoNotGrowWithTheEips()
    {
        var state = new DesiredState();
        state.Apply(Make.TenThousandNatEips());
        state.Apply(new DesiredChanges(2, false, [], [Make.Eni("eni-moving", "i-scale", ["10.200.0.2"], deviceIndex: 101)], [Make.Instance("i-other")], [], [], [], []));
        var plan = HostPlan.For(state);
        var eni = state.NetworkInterfaces["eni-moving"];
        var touched = state.Apply(Make.Partial(3, enis: [eni with { InstanceId = "i-other", DeviceIndex = 1 }]));

        Assert.True(IncrementalPlanner.TryPlan(plan, state, touched, HostPlanOptions.Default, out var moved, out var diff));
        AssertSamePlan(HostPlan.For(state), moved, "move");
        // Move the link, its address, its route and rule, and forget its flows: nothing of the 10,000 EIPs.
        Assert.True(diff.Count <= 6, $"{diff.Count} operations:\n{diff}");
        Assert.Single(diff.Operations.OfType<Eipnet.DataPlane.Linux.Ops.MoveLink>());
    }

    [Fact]
    public void Planner_Declines_VSwitchChangesAndPlansObservedFromTheKernel()
    {
        var state = new DesiredState();
        state.Apply(Make.TenThousandNatEips());
        var plan = HostPlan.For(state);
        var touched = state.Apply(new DesiredChanges(2, false, [], [], [], [], [Make.VSwitch("10.0.0.0/9")], [], []));
        Assert.False(IncrementalPlanner.TryPlan(plan, state, touched, HostPlanOptions.Default, out _, out _));

        // What the agent builds from the kernel at a resync: the same parts, no fragments.
        var observed = new HostPlan(plan.Revision, plan.Namespaces, plan.Routers, plan.Links, plan.Addresses, plan.Routes, plan.Rules, plan.EipTargets, plan.Tables);
        var eni = state.NetworkInterfaces.Values.First();
        var moved = state.Apply(Make.Partial(3, enis: [eni with { InstanceId = null, Status = EniStatus.Available }]));
        Assert.False(IncrementalPlanner.TryPlan(observed, state, moved, HostPlanOptions.Default, out _, out _));
    }

    /// <summary>Every part of the two plans is the same, the tables down to the text nft loads.</summary>
    private static void AssertSamePlan(HostPlan expected, HostPlan actual, string when)
    {
        Assert.True(expected.Namespaces.SequenceEqual(actual.Namespaces), $"{when}: namespaces differ");
        Assert.True(expected.Routers.SequenceEqual(actual.Routers), $"{when}: routers differ");
        Assert.True(expected.Links.Count == actual.Links.Count && expected.Links.All(l => actual.Links.TryGetValue(l.Key, out var a) && a == l.Value), $"{when}: links differ");
        Assert.True(expected.Addresses.SetEquals(actual.Addresses), $"{when}: addresses differ");
        Assert.True(expected.Routes.Count == actual.Routes.Count && expected.Routes.All(r => actual.Routes.TryGetValue(r.Key, out var a) && a == r.Value), $"{when}: routes differ");
        Assert.True(expected.Rules.SetEquals(actual.Rules), $"{when}: rules differ");
        Assert.True(expected.EipTargets.Count == actual.EipTargets.Count
            && expected.EipTargets.All(t => actual.EipTargets.TryGetValue(t.Key, out var a) && a == t.Value && a.Router == t.Value.Router && a.AllocationId == t.Value.AllocationId),
            $"{when}: EIP targets differ");
        Assert.Equal(expected.RenderTables(), actual.RenderTables());
        Assert.Equal(expected.Revision, actual.Revision);
    }

    private static string EniOf(string privateIp) => $"eni-scale{(int)((Parse(privateIp) - 0x0A000000u - 2) / 256):d3}";

    private static string? Free(DesiredState state, List<string> privateIps, Random random)
    {
        var used = state.Eips.Values.Where(e => e.Association is not null && e.Status is EipStatus.Associating or EipStatus.InUse)
            .Select(e => e.Association!.PrivateIpAddress).ToHashSet(StringComparer.Ordinal);
        var free = privateIps.Where(p => !used.Contains(p)).ToList();
        return free.Count == 0 ? null : free[random.Next(free.Count)];
    }

    private static uint Parse(string ip)
    {
        Eipnet.Domain.Addressing.Ipv4Cidr.TryParseAddress(ip, out var a);
        return a;
    }
}
