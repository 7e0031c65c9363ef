namespace Eipnet.Agent.Tests.Lab;

/// <summary>RunInstances makes the instance's namespace with its primary ENI; DeleteInstance takes both away.</summary>
public sealed class InstanceLifecycleTests
{
    [Fact]
    public async Task RunInstancesCreatesTheNamespaceWithThePrimaryEni_DeleteInstanceRemovesIt()
    {
        await using var lab = await LabServer.StartAsync();
        var scene = await LabScene.CreateAsync(lab, 95);
        var (instanceId, eniId, privateIp) = await scene.InstanceAsync();
        var ns = lab.InstanceNamespace(instanceId);
        var mac = (await scene.DescribeEniAsync(eniId))!.Value.GetProperty("MacAddress").GetString()!;

        Assert.True(Kernel.Namespaces.Exists(ns));
        Assert.Contains(mac, await lab.Run.IpCheckAsync(ns, ["-o", "link", "show"]), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(privateIp, await lab.AddressesAsync(ns));
        Assert.Contains("default via 10.95.1.1", await lab.Run.IpCheckAsync(ns, ["route", "show"]), StringComparison.Ordinal);

        (await scene.EcsAsync("DeleteInstance", ("InstanceId", instanceId), ("Force", "true"))).Success();
        var end = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (Kernel.Namespaces.Exists(ns) && DateTime.UtcNow < end)
            await Task.Delay(20);
        Assert.False(Kernel.Namespaces.Exists(ns));
        Assert.DoesNotContain(EniNames(eniId), await lab.Run.IpCheckAsync(lab.Gateway, ["-o", "link", "show"]), StringComparison.Ordinal);
    }

    private static string EniNames(string eniId) => DataPlane.Linux.EniNames.Gateway(eniId);
}
