using Eipnet.DataPlane.Linux;
using Eipnet.DataPlane.Linux.Ops;
using Eipnet.Domain.Associations;
using Eipnet.Domain.Resources;

namespace Eipnet.DataPlane.Tests.Linux;

/// <summary>The NAT fast path plans exactly what the full planner plans, for the changes it takes, and declines the rest.</summary>
public sealed class NatFastPathTests
{
    [Fact]
    public void FastPath_AgreesWithTheFullPlan_OverARandomRunOfNatChanges()
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

            Assert.True(NatFastPath.TryPlan(plan, state, touched, HostPlanOptions.Default, out var fast, out var diff));
            var full = HostPlan.For(state);
            Assert.True(HostDiff.Between(fast, full).IsEmpty, $"step {step}: the fast plan differs from the full plan");
            Assert.Equal(HostDiff.Between(plan, full).Flushes.Select(f => f.Address).Order(), diff.Flushes.Select(f => f.Address).Order());
            Assert.True(diff.Count <= 5, $"step {step}: {diff.Count} operations for one EIP");
            plan = fast;
        }
    }

    [Fact]
    public void FastPath_Declines_ChangesThatAreNotNatEipsOnly()
    {
        var state = new DesiredState();
        state.Apply(Make.TenThousandNatEips());
        var plan = HostPlan.For(state);
        var eip = state.Eips.Values.First();
        var cut = eip with { Association = eip.Association! with { Mode = AssociationMode.Binded } };
        Assert.False(NatFastPath.TryPlan(plan, state, state.Apply(Make.Partial(2, eips: [cut])), HostPlanOptions.Default, out _, out _));
        var eni = state.NetworkInterfaces.Values.First();
        Assert.False(NatFastPath.TryPlan(plan, state, state.Apply(Make.Partial(3, enis: [eni with { InstanceId = null, Status = EniStatus.Available }])), HostPlanOptions.Default, out _, out _));
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
