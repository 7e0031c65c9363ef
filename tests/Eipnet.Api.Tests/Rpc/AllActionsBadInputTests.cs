using System.Text.Json;
using Eipnet.Api.Rpc;
using Eipnet.Api.Tests.Infrastructure;

namespace Eipnet.Api.Tests.Rpc;

/// <summary>Every registered action against bad input: unsigned, wrongly signed, expired, replayed, missing parameters,
/// garbage values, oversized values, non-UTF-8 bytes. Never a 5xx, never a stack trace, never a change to stored state.</summary>
public sealed class AllActionsBadInputTests(AllActionsBadInputTests.World world) : IClassFixture<AllActionsBadInputTests.World>
{
    /// <summary>A server with one of everything, so that ids in the probes can point at real resources.</summary>
    public sealed class World : IAsyncLifetime
    {
        public TestServer Server { get; private set; } = null!;
        public RpcTestClient Client { get; private set; } = null!;
        public Dictionary<string, string> Ids { get; } = [];

        public async Task InitializeAsync()
        {
            Server = await TestServer.StartAsync();
            Client = await Server.NewClientAsync();
            var net = await Fixtures.NetworkAsync(Server, Client);
            Ids["VpcId"] = net.VpcId;
            Ids["VSwitchId"] = net.VSwitchId;
            Ids["SecurityGroupId"] = net.SecurityGroupId;
            Ids["InstanceId"] = await Fixtures.InstanceAsync(Client, net);
            Ids["NetworkInterfaceId"] = await Fixtures.EniAsync(Client, net);
            Ids["AllocationId"] = (await Fixtures.EipAsync(Client)).AllocationId;
        }

        public async Task DisposeAsync() => await Server.DisposeAsync();

        /// <summary>The store's revision: it moves with every committed change of a resource, and with nothing else.</summary>
        public async Task<long> RevisionAsync() => (await Server.Server.Store.ReadChangesAsync(long.MaxValue, CancellationToken.None)).Revision;

        /// <summary>Everything the account can see, as Describe calls show it.</summary>
        public async Task<string> SnapshotAsync()
        {
            var parts = new List<string>();
            foreach (var (version, action) in new[] { (RpcTestClient.VpcVersion, "DescribeEipAddresses"), (RpcTestClient.VpcVersion, "DescribeVpcs"),
                (RpcTestClient.VpcVersion, "DescribeVSwitches"), (RpcTestClient.EcsVersion, "DescribeInstances"), (RpcTestClient.EcsVersion, "DescribeNetworkInterfaces"),
                (RpcTestClient.EcsVersion, "DescribeSecurityGroups") })
            {
                var body = (await Client.CallAsync(version, action, [("RegionId", Fixtures.Region), ("PageSize", "50")])).Success();
                var copy = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(body.GetRawText())!;
                copy.Remove("RequestId");
                parts.Add(JsonSerializer.Serialize(copy));
            }
            parts.Add((await Client.Ecs("DescribeSecurityGroupAttribute", ("RegionId", Fixtures.Region), ("SecurityGroupId", Ids["SecurityGroupId"]))).Raw.Split("\"RequestId\"")[0]);
            return string.Join("\n", parts);
        }
    }

    public static TheoryData<string, string> Actions
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var a in ApiActions.All().All.OrderBy(a => a.Product).ThenBy(a => a.Name))
                data.Add(a.Product == Products.Vpc ? RpcTestClient.VpcVersion : RpcTestClient.EcsVersion, a.Name);
            return data;
        }
    }

    // Parameter names the actions read, each probed with values that are wrong in different ways.
    private static readonly string[] Names =
    [
        "AllocationId", "InstanceId", "InstanceType", "Mode", "PrivateIpAddress", "Bandwidth", "Name", "Description", "IpAddress",
        "InternetChargeType", "InstanceChargeType", "ISP", "Status", "PageNumber", "PageSize", "VpcId", "VSwitchId", "ZoneId",
        "CidrBlock", "VpcName", "VSwitchName", "SecurityGroupId", "NetworkInterfaceId", "SecondaryPrivateIpAddressCount",
        "PrivateIpAddress.1", "SecurityGroupIds.1", "InstanceIds", "Amount", "ImageId", "IpProtocol", "PortRange", "SourceCidrIp",
        "DestCidrIp", "Policy", "Priority", "Permissions.1.IpProtocol", "Permissions.1.PortRange", "SecurityGroupRuleId.1",
        "Direction", "Force", "DryRun", "MaxResults", "NextToken", "Tag.1.Key", "Tag.1.Value", "EipAddress", "NetworkInterfaceId.1",
        "DeleteOnRelease", "InstanceTypes.1", "AcceptLanguage", "SecurityGroupName", "PrimaryIpAddress", "ClientToken",
    ];

    private static readonly string[] Garbage = ["", "-1", "99999999999999999999", "[\"x\",", "' OR 1=1 --", "\u0000é中文\U0001F600", "300.1.1.1/33", "x,y,,z"];

    private static void AssertClientError(RpcResult r, string what)
    {
        Assert.True((int)r.Status < 500, $"{what}: {(int)r.Status} {r.Raw}");
        Assert.DoesNotContain("   at ", r.Raw);
        Assert.DoesNotContain("Exception", r.Raw);
        if (!r.Ok)
            Assert.False(string.IsNullOrEmpty(r.Code), $"{what}: error without a code: {r.Raw}");
    }

    [Theory, MemberData(nameof(Actions))]
    public async Task Action_RejectsBadAuthentication(string version, string action)
    {
        var c = world.Client;
        var before = await world.SnapshotAsync();
        (string, string)[] p = [("RegionId", Fixtures.Region), .. world.Ids.Select(kv => (kv.Key, kv.Value))];
        (await c.CallAsync(version, action, p, Signing.V3, secret: "wrong")).Error("SignatureDoesNotMatch", 400);
        (await c.CallAsync(version, action, p, Signing.V1Form, secret: "wrong")).Error("SignatureDoesNotMatch", 400);
        (await c.CallAsync(version, action, p, Signing.V3, time: DateTimeOffset.UtcNow.AddHours(-1))).Error("InvalidTimeStamp.Expired", 400);
        var stranger = new RpcTestClient(c.Endpoint, c.Account with { AccessKeyId = "LTAInobody00000000000" });
        (await stranger.CallAsync(version, action, p)).Error("InvalidAccessKeyId.NotFound", 404);
        var unsigned = await RpcTestClient.SendAsync(new HttpRequestMessage(HttpMethod.Get,
            new Uri(c.Endpoint, $"/?Action={action}&Version={version}&RegionId={Fixtures.Region}")));
        unsigned.Error("IncompleteSignature", 400);
        var nonce = Guid.NewGuid().ToString("N");
        (await c.CallAsync(version, "DescribeRegions", [], nonce: nonce)).Success();
        (await c.CallAsync(version, action, p, nonce: nonce)).Error("SignatureNonceUsed", 400);
        Assert.Equal(before, await world.SnapshotAsync());
    }

    [Theory, MemberData(nameof(Actions))]
    public async Task Action_AnswersMissingParameters_WithClientError(string version, string action)
    {
        var before = await world.RevisionAsync();
        var r = await world.Client.CallAsync(version, action, []);
        AssertClientError(r, $"{action} without parameters");
        if (!r.Ok)
        {
            // An action for a feature Eipnet does not have reads no parameter: it answers its refusal whatever is sent.
            Assert.StartsWith(UnsupportedActions.All.Any(u => u.Action == action) ? "OperationUnsupported." : "MissingParameter", r.Code);
            Assert.Equal(before, await world.RevisionAsync());
        }
    }

    [Theory, MemberData(nameof(Actions))]
    public async Task Action_AnswersGarbageValues_WithClientError_AndChangesNothingWhenRefused(string version, string action)
    {
        foreach (var name in Names)
        {
            foreach (var value in Garbage)
            {
                (string, string)[] p = [("RegionId", Fixtures.Region), .. world.Ids.Where(kv => kv.Key != name).Select(kv => (kv.Key, kv.Value)), (name, value)];
                var before = await world.RevisionAsync();
                var r = await world.Client.CallAsync(version, action, p);
                AssertClientError(r, $"{action} {name}={value}");
                if (!r.Ok)
                    Assert.True(before == await world.RevisionAsync(), $"{action} {name}={value} was refused ({r.Code}) but changed stored state");
            }
        }
    }

    [Theory, MemberData(nameof(Actions))]
    public async Task Action_AnswersOversizedAndNonUtf8Input_WithClientError(string version, string action)
    {
        var before = await world.SnapshotAsync();
        (string, string)[] p = [("RegionId", Fixtures.Region), .. world.Ids.Select(kv => (kv.Key, kv.Value))];
        AssertClientError(await world.Client.CallAsync(version, action, [.. p, ("Description", new string('x', 33 * 1024))]), "oversized");
        var raw = await RawHttp.SendAsync(world.Client.Endpoint, $"/?Action={action}&Version={version}&RegionId=%FF%FE%FD");
        raw.Error("InvalidParameter", 400);
        Assert.Equal(before, await world.SnapshotAsync());
    }
}
