using Eipnet.Api.Tests.Infrastructure;
using Eipnet.Domain.Associations;
using Eipnet.Domain.Billing;

namespace Eipnet.Api.Tests.Eips;

/// <summary>The association history the store records as the API changes EIPs, ENIs and instances (issue 13).</summary>
public sealed class AssociationHistoryTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private async Task<IReadOnlyList<(EipBinding Binding, DateTimeOffset From, DateTimeOffset? To)>> BindingsAsync(Scene s, string eip)
    {
        var now = DateTimeOffset.UtcNow;
        var history = await shared.Server.Server.Store.EipHistoryAsync(s.Client.Account.AccountId, now.AddHours(-1), now.AddHours(1), CancellationToken.None);
        return EipHistory.Bindings(history.Where(h => h.AllocationId == eip));
    }

    [Fact]
    public async Task History_EndsTheBinding_WhenTheInstanceIsDeleted()
    {
        var s = await Scene.StartAsync(shared.Server);
        var (instance, primaryEni) = await s.InstanceAsync();
        var eip = await s.BoundEipAsync(instance, type: "EcsInstance");
        (await s.Client.Ecs("DeleteInstance", s.RegionId, ("InstanceId", instance), ("Force", "true"))).Success();
        await s.WaitForEipAsync(eip, "Available");

        var binding = Assert.Single(await BindingsAsync(s, eip));
        Assert.Equal(new EipBinding("EcsInstance", instance, primaryEni, true, AssociationMode.Nat), binding.Binding);
        Assert.NotNull(binding.To);
    }

    [Fact]
    public async Task History_KeepsOneBinding_WhenTheEniMovesToAnotherInstance()
    {
        var s = await Scene.StartAsync(shared.Server);
        var (first, _) = await s.InstanceAsync();
        var (second, _) = await s.InstanceAsync();
        var eni = await s.EniAsync();
        await s.AttachAsync(eni, first);
        var eip = await s.BoundEipAsync(eni);
        await s.DetachAsync(eni, first);
        await s.AttachAsync(eni, second);

        var binding = Assert.Single(await BindingsAsync(s, eip));
        Assert.Equal((new EipBinding("NetworkInterface", eni, eni, false, AssociationMode.Nat), (DateTimeOffset?)null), (binding.Binding, binding.To));
    }

    [Fact]
    public async Task History_RecordsEachBinding_AcrossUnassociateAndReassociate()
    {
        var s = await Scene.StartAsync(shared.Server);
        var eni = await s.EniAsync();
        var eip = await s.BoundEipAsync(eni);
        (await s.Client.Vpc("ModifyEipForwardMode", s.RegionId, ("InstanceId", eip), ("Mode", "MULTI_BINDED"))).Success();
        await s.WaitForEipAsync(eip, "InUse");
        (await s.Client.Vpc("UnassociateEipAddress", s.RegionId, ("AllocationId", eip))).Success();
        await s.WaitForEipAsync(eip, "Available");

        var bindings = await BindingsAsync(s, eip);
        Assert.Equal([AssociationMode.Nat, AssociationMode.MultiBinded], bindings.Select(b => b.Binding.Mode));
        Assert.Equal(bindings[0].To, bindings[1].From);
        Assert.NotNull(bindings[1].To);
    }
}
