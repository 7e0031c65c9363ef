using Eipnet.Api.Tests.Infrastructure;
using Eipnet.Domain.Resources;
using static Eipnet.Api.Tests.SecurityGroups.SecurityGroupTestData;

namespace Eipnet.Api.Tests.SecurityGroups;

public sealed class SecurityGroupMembershipTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private TestServer Server => shared.Server;

    [Fact]
    public async Task Join_AddsGroupToEni_WhenNetworkInterfaceIdGiven()
    {
        var (c, net, first) = await SetupAsync();
        var second = await GroupAsync(c, net);
        var eni = await EniAsync(Server, c, net, [first]);

        (await c.Ecs("JoinSecurityGroup", ("RegionId", Region), ("SecurityGroupId", second), ("NetworkInterfaceId", eni.NetworkInterfaceId))).Success();

        var stored = await ReadEniAsync(Server, eni.NetworkInterfaceId);
        Assert.Equal(new[] { first, second }, stored!.SecurityGroupIds);
        Assert.True(stored.Revision > eni.Revision, "the change must be a new revision for the data plane");
        Assert.Equal(1, (await DescribeAsync(c, second)).GetProperty("EcsCount").GetInt32());
    }

    [Fact]
    public async Task Join_AddsGroupToPrimaryEni_WhenInstanceIdGiven()
    {
        var (c, net, first) = await SetupAsync();
        var second = await GroupAsync(c, net);
        var (instance, primary) = await InstanceAsync(Server, c, net, [first]);

        (await c.Ecs("JoinSecurityGroup", ("SecurityGroupId", second), ("InstanceId", instance.InstanceId))).Success();

        Assert.Equal(new[] { first, second }, (await ReadEniAsync(Server, primary.NetworkInterfaceId))!.SecurityGroupIds);
    }

    [Fact]
    public async Task Leave_RemovesGroupFromEni_WhenNetworkInterfaceIdOrInstanceIdGiven()
    {
        var (c, net, first) = await SetupAsync();
        var second = await GroupAsync(c, net);
        var eni = await EniAsync(Server, c, net, [first, second]);
        var (instance, primary) = await InstanceAsync(Server, c, net, [first, second]);

        (await c.Ecs("LeaveSecurityGroup", ("RegionId", Region), ("SecurityGroupId", first), ("NetworkInterfaceId", eni.NetworkInterfaceId))).Success();
        (await c.Ecs("LeaveSecurityGroup", ("RegionId", Region), ("SecurityGroupId", second), ("InstanceId", instance.InstanceId))).Success();

        Assert.Equal(new[] { second }, (await ReadEniAsync(Server, eni.NetworkInterfaceId))!.SecurityGroupIds);
        Assert.Equal(new[] { first }, (await ReadEniAsync(Server, primary.NetworkInterfaceId))!.SecurityGroupIds);
    }

    [Fact]
    public async Task Leave_LetsGroupBeDeleted_WhenLastMemberLeft()
    {
        var (c, net, first) = await SetupAsync();
        var second = await GroupAsync(c, net);
        var eni = await EniAsync(Server, c, net, [first, second]);
        (await c.Ecs("DeleteSecurityGroup", ("RegionId", Region), ("SecurityGroupId", second))).Error("DependencyViolation", 403);

        (await c.Ecs("LeaveSecurityGroup", ("RegionId", Region), ("SecurityGroupId", second), ("NetworkInterfaceId", eni.NetworkInterfaceId))).Success();

        (await c.Ecs("DeleteSecurityGroup", ("RegionId", Region), ("SecurityGroupId", second))).Success();
    }

    [Fact]
    public async Task Join_RejectsWithAlreadyExists_WhenEniAlreadyInGroup()
    {
        var (c, net, group) = await SetupAsync();
        var eni = await EniAsync(Server, c, net, [group]);
        (await c.Ecs("JoinSecurityGroup", ("RegionId", Region), ("SecurityGroupId", group), ("NetworkInterfaceId", eni.NetworkInterfaceId)))
            .Error("InvalidInstanceId.AlreadyExists", 403);
        await AssertUnchangedAsync(eni);
    }

    [Fact]
    public async Task Join_RejectsWithLimitExceeded_WhenEniHasFiveGroups()
    {
        var (c, net, _) = await SetupAsync();
        var groups = new List<string>();
        for (var i = 0; i < 6; i++)
            groups.Add(await GroupAsync(c, net));
        var eni = await EniAsync(Server, c, net, groups[..5]);
        var (instance, primary) = await InstanceAsync(Server, c, net, groups[..5]);

        (await c.Ecs("JoinSecurityGroup", ("RegionId", Region), ("SecurityGroupId", groups[5]), ("NetworkInterfaceId", eni.NetworkInterfaceId)))
            .Error("InstanceSecurityGroupLimitExceeded", 403);
        (await c.Ecs("JoinSecurityGroup", ("SecurityGroupId", groups[5]), ("InstanceId", instance.InstanceId)))
            .Error("InstanceSecurityGroupLimitExceeded", 403);
        await AssertUnchangedAsync(eni);
        await AssertUnchangedAsync(primary);
    }

    [Fact]
    public async Task Join_RejectsWithVpcMismatch_WhenGroupIsInAnotherVpc()
    {
        var (c, net, group) = await SetupAsync();
        var otherNet = await NetworkAsync(c);
        var foreign = await GroupAsync(c, otherNet);
        var eni = await EniAsync(Server, c, net, [group]);
        var (instance, primary) = await InstanceAsync(Server, c, net, [group]);

        (await c.Ecs("JoinSecurityGroup", ("RegionId", Region), ("SecurityGroupId", foreign), ("NetworkInterfaceId", eni.NetworkInterfaceId)))
            .Error("InvalidOperation.VpcMismatch", 403);
        (await c.Ecs("JoinSecurityGroup", ("SecurityGroupId", foreign), ("InstanceId", instance.InstanceId)))
            .Error("InvalidParameter.Mismatch", 400);
        await AssertUnchangedAsync(eni);
        await AssertUnchangedAsync(primary);
    }

    [Theory]
    [InlineData(EniStatus.Attaching)]
    [InlineData(EniStatus.Detaching)]
    public async Task JoinAndLeave_RejectWithInvalidEniState_WhenEniIsInTransition(EniStatus status)
    {
        var (c, net, first) = await SetupAsync();
        var second = await GroupAsync(c, net);
        var eni = await EniAsync(Server, c, net, [first, second], status, instanceId: "i-attachingto0000000000");
        var third = await GroupAsync(c, net);

        (await c.Ecs("JoinSecurityGroup", ("RegionId", Region), ("SecurityGroupId", third), ("NetworkInterfaceId", eni.NetworkInterfaceId)))
            .Error("InvalidOperation.InvalidEniState", 400);
        (await c.Ecs("LeaveSecurityGroup", ("RegionId", Region), ("SecurityGroupId", second), ("NetworkInterfaceId", eni.NetworkInterfaceId)))
            .Error("InvalidOperation.InvalidEniState", 400);
        await AssertUnchangedAsync(eni);
    }

    [Fact]
    public async Task Leave_RejectsWithNotInGroup_WhenEniIsNotAMember()
    {
        var (c, net, group) = await SetupAsync();
        var other = await GroupAsync(c, net);
        var eni = await EniAsync(Server, c, net, [group]);
        (await c.Ecs("LeaveSecurityGroup", ("RegionId", Region), ("SecurityGroupId", other), ("NetworkInterfaceId", eni.NetworkInterfaceId)))
            .Error("InstanceNotInSecurityGroup", 403);
        await AssertUnchangedAsync(eni);
    }

    [Fact]
    public async Task Leave_RejectsWithLastGroup_WhenItIsTheEnisOnlyGroup()
    {
        var (c, net, group) = await SetupAsync();
        var eni = await EniAsync(Server, c, net, [group]);
        var (instance, primary) = await InstanceAsync(Server, c, net, [group]);
        (await c.Ecs("LeaveSecurityGroup", ("RegionId", Region), ("SecurityGroupId", group), ("NetworkInterfaceId", eni.NetworkInterfaceId)))
            .Error("InstanceLastSecurityGroup", 403);
        (await c.Ecs("LeaveSecurityGroup", ("SecurityGroupId", group), ("InstanceId", instance.InstanceId)))
            .Error("InstanceLastSecurityGroup", 403);
        await AssertUnchangedAsync(eni);
        await AssertUnchangedAsync(primary);
    }

    [Fact]
    public async Task Join_RejectsWithMissingRegionId_WhenNetworkInterfaceIdGivenWithoutRegion()
    {
        var (c, net, group) = await SetupAsync();
        var other = await GroupAsync(c, net);
        var eni = await EniAsync(Server, c, net, [group]);
        (await c.Ecs("JoinSecurityGroup", ("SecurityGroupId", other), ("NetworkInterfaceId", eni.NetworkInterfaceId))).Error("MissingParameter.RegionId", 400);
        await AssertUnchangedAsync(eni);
    }

    [Fact]
    public async Task JoinAndLeave_RejectWithMissingOrInvalidParameter_WhenTargetOrGroupNotGivenRight()
    {
        var (c, net, group) = await SetupAsync();
        var eni = await EniAsync(Server, c, net, [group]);
        var (instance, _) = await InstanceAsync(Server, c, net, [group]);
        foreach (var action in new[] { "JoinSecurityGroup", "LeaveSecurityGroup" })
        {
            (await c.Ecs(action, ("RegionId", Region), ("SecurityGroupId", group))).Error("MissingParameter", 400);
            (await c.Ecs(action, ("RegionId", Region), ("NetworkInterfaceId", eni.NetworkInterfaceId))).Error("MissingParameter", 400);
            (await c.Ecs(action, ("RegionId", Region), ("SecurityGroupId", group), ("NetworkInterfaceId", eni.NetworkInterfaceId),
                ("InstanceId", instance.InstanceId))).Error("InvalidParameter", 400);
        }
        await AssertUnchangedAsync(eni);
    }

    [Fact]
    public async Task Join_RejectsWithNotFound_WhenEniInstanceOrGroupIsAnotherAccounts()
    {
        var (c, net, group) = await SetupAsync();
        var (other, otherNet, theirGroup) = await SetupAsync();
        var mine = await EniAsync(Server, c, net, [group]);
        var theirs = await EniAsync(Server, other, otherNet, [theirGroup]);
        var (theirInstance, theirPrimary) = await InstanceAsync(Server, other, otherNet, [theirGroup]);

        (await c.Ecs("JoinSecurityGroup", ("RegionId", Region), ("SecurityGroupId", group), ("NetworkInterfaceId", theirs.NetworkInterfaceId)))
            .Error("InvalidEniId.NotFound", 404);
        (await c.Ecs("JoinSecurityGroup", ("SecurityGroupId", group), ("InstanceId", theirInstance.InstanceId)))
            .Error("InvalidInstanceId.NotFound", 404);
        (await c.Ecs("JoinSecurityGroup", ("RegionId", Region), ("SecurityGroupId", theirGroup), ("NetworkInterfaceId", mine.NetworkInterfaceId)))
            .Error("InvalidSecurityGroupId.NotFound", 404);
        (await c.Ecs("LeaveSecurityGroup", ("RegionId", Region), ("SecurityGroupId", theirGroup), ("NetworkInterfaceId", theirs.NetworkInterfaceId)))
            .Error("InvalidEniId.NotFound", 404);

        await AssertUnchangedAsync(mine);
        await AssertUnchangedAsync(theirs);
        await AssertUnchangedAsync(theirPrimary);
    }

    [Fact]
    public async Task Join_RejectsWithNotFound_WhenEniIsInAnotherRegion()
    {
        var (c, net, group) = await SetupAsync();
        var other = await GroupAsync(c, net);
        var eni = await EniAsync(Server, c, net, [group]);
        (await c.Ecs("JoinSecurityGroup", ("RegionId", "cn-shanghai"), ("SecurityGroupId", other), ("NetworkInterfaceId", eni.NetworkInterfaceId)))
            .Error("InvalidEniId.NotFound", 404);
        await AssertUnchangedAsync(eni);
    }

    private async Task<(RpcTestClient Client, Network Net, string GroupId)> SetupAsync()
    {
        var c = await Server.NewClientAsync();
        var net = await NetworkAsync(c);
        return (c, net, await GroupAsync(c, net));
    }

    private async Task AssertUnchangedAsync(NetworkInterface before)
    {
        var after = await ReadEniAsync(Server, before.NetworkInterfaceId);
        Assert.NotNull(after);
        Assert.Equal(before.SecurityGroupIds, after.SecurityGroupIds);
        Assert.Equal(before.Revision, after.Revision);
    }
}
