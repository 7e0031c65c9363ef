using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Eipnet.DataPlane.Feed;

namespace Eipnet.Agent.Tests.Lab;

/// <summary>The agent as its own process (`eipnet agent`): it owns the kernel state and the server only hands it intent. Its
/// death is not the data plane's death; a change made while it is dead waits for it (the transition does not end); a restarted
/// agent converges; a restarted server loses nothing and the running agent carries on; a wrong token is refused.</summary>
public sealed class AgentProcessTests
{
    [Fact]
    public async Task AgentKilled_KernelKeepsForwarding_ChangesWaitForIt_AndARestartConverges_ThroughAServerRestart()
    {
        await using var lab = await LabServer.StartAsync();
        var scene = await LabScene.CreateAsync(lab, 93);
        var (a, _, _) = await scene.InstanceAsync();
        var (b, _, _) = await scene.InstanceAsync();
        await using (var first = await lab.StartAgentProcessAsync())
        {
            var (eip1, address1) = await scene.EipAsync();
            await scene.AssociateAsync(eip1, a, "EcsInstance");
            await Packets.TcpServerAsync(lab, lab.InstanceNamespace(a), LabScene.TcpPort, "a");
            await Packets.TcpServerAsync(lab, lab.InstanceNamespace(b), LabScene.TcpPort, "b");
            Assert.StartsWith("a", await Packets.TcpAsync(lab, lab.Internet, address1, LabScene.TcpPort) ?? "(no answer)", StringComparison.Ordinal);

            // kill -9 (with its nft helpers): the kernel keeps what was applied.
            await first.KillAsync();
            Assert.StartsWith("a", await Packets.TcpAsync(lab, lab.Internet, address1, LabScene.TcpPort) ?? "(no answer)", StringComparison.Ordinal);

            // Accepted, but no host has applied it: it stays Associating, and the only agent's generation is behind the store's.
            var (eip2, address2) = await scene.EipAsync();
            await scene.AssociateNoWaitAsync(eip2, b, "EcsInstance");
            var store = lab.Server.Server.Store;
            var desired = (await store.ReadChangesAsync(long.MaxValue, CancellationToken.None)).Revision;
            Assert.True((await store.GetAgentAsync("lab", CancellationToken.None))!.AppliedGeneration < desired);
            Assert.Equal("Associating", await EipStatusAsync(scene, eip2));
            Assert.Null(await Packets.TcpAsync(lab, lab.Internet, address2, LabScene.TcpPort, timeoutSeconds: 1));

            // Restarted, the agent resyncs from a snapshot: the change it missed is applied, what it had is kept.
            await using var second = await lab.StartAgentProcessAsync();
            await scene.WaitForEipAsync(eip2, "InUse");
            Assert.StartsWith("b", await Packets.TcpAsync(lab, lab.Internet, address2, LabScene.TcpPort) ?? "(no answer)", StringComparison.Ordinal);
            Assert.StartsWith("a", await Packets.TcpAsync(lab, lab.Internet, address1, LabScene.TcpPort) ?? "(no answer)", StringComparison.Ordinal);

            // The server restarts on the same database: nothing is lost, and the running agent finds it again and applies what comes.
            await lab.RestartServerOnlyAsync();
            await scene.UnassociateAsync(eip1, a, "EcsInstance");
            Assert.Null(await SecurityGroupTests.EventuallyNull(() => Packets.TcpAsync(lab, lab.Internet, address1, LabScene.TcpPort, timeoutSeconds: 1)));
            Assert.StartsWith("b", await Packets.TcpAsync(lab, lab.Internet, address2, LabScene.TcpPort) ?? "(no answer)", StringComparison.Ordinal);
            var agent = await lab.Server.Server.Store.GetAgentAsync("lab", CancellationToken.None);
            Assert.Equal((await lab.Server.Server.Store.ReadChangesAsync(long.MaxValue, CancellationToken.None)).Revision, agent!.AppliedGeneration);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("lab")]
    [InlineData("lab.0000")]
    [InlineData("nobody.0000")]
    public async Task AgentContract_RefusesAMissingOrWrongToken_WithAnEnvelope(string? token)
    {
        await using var lab = await LabServer.StartAsync();
        using var http = new HttpClient { BaseAddress = lab.Server.Server.Endpoint };
        using var request = new HttpRequestMessage(HttpMethod.Get, AgentWire.ChangesPath + "?after=0");
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("InvalidAgentToken", body.GetProperty("Code").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("RequestId").GetString()));
    }

    private static async Task<string?> EipStatusAsync(LabScene scene, string allocationId) =>
        (await scene.Client.Vpc("DescribeEipAddresses", ("RegionId", LabScene.Region), ("AllocationId", allocationId))).Success()
            .GetProperty("EipAddresses").GetProperty("EipAddress")[0].GetProperty("Status").GetString();
}
