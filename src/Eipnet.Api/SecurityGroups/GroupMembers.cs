using Eipnet.Domain.Resources;
using Eipnet.Store;
using Eipnet.Store.Queries;

namespace Eipnet.Api.SecurityGroups;

/// <summary>The network interfaces in a security group.</summary>
/// <remarks>Membership lives on the ENI document; a group's members are all in its VPC, so the VPC's ENIs are the candidates.</remarks>
internal static class GroupMembers
{
    public static async Task<IReadOnlyList<NetworkInterface>> OfVpcAsync(IStoreSession s, string accountId, string vpcId) =>
        await s.ListAsync<NetworkInterface>(DocQuery.Where("account_id", accountId).And("vpc_id", vpcId));

    public static int Count(IEnumerable<NetworkInterface> enis, string groupId) =>
        enis.Count(n => n.SecurityGroupIds.Contains(groupId));
}
