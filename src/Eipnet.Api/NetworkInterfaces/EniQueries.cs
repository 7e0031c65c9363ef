using Eipnet.Api.Rpc;
using Eipnet.Contracts.NetworkInterfaces;
using Eipnet.Domain.Resources;
using Eipnet.Store.Queries;

namespace Eipnet.Api.NetworkInterfaces;

/// <summary>DescribeNetworkInterfaces (alibaba-api.md §2.7).</summary>
public static class EniQueries
{
    // Statuses Alibaba documents that Eipnet never shows: create and delete are synchronous here.
    private static readonly string[] NeverShown = ["Creating", "Deleting", "CreateFailed"];

    public static async Task<DescribeNetworkInterfacesResponse> DescribeAsync(RpcContext ctx)
    {
        var region = ctx.Region();
        var ids = ctx.RepeatList("NetworkInterfaceId", 100);
        var instanceId = ctx.Optional("InstanceId", 64);
        var vpcId = ctx.Optional("VpcId", 64);
        var vSwitchId = ctx.Optional("VSwitchId", 64);
        var securityGroupId = ctx.Optional("SecurityGroupId", 64);
        var type = ctx.OneOf("Type", "Primary", "Secondary", "Trunk");
        var status = ctx.OneOf("Status", ["Available", "Attaching", "InUse", "Detaching", .. NeverShown]);
        var name = ctx.Optional("NetworkInterfaceName", 128);
        var primaryIp = ctx.OptionalIpv4("PrimaryIpAddress")?.ToString();
        var privateIps = PrivateIpParameters.Filter(ctx, "PrivateIpAddress", 100);
        var page = DescribePage.Read(ctx, maxPageSize: 1000, maxResults: 500);
        var tags = Tags.Read(ctx);
        var resourceGroupId = ResourceGroupParameter.Read(ctx);
        // Eipnet's ENIs have no IPv6 addresses and none is managed by another service: asking for either matches nothing.
        var matchNothing = ctx.RepeatList("Ipv6Address", 100).Count > 0 || ctx.OptionalBool("ServiceManaged") == true;

        var query = DocQuery.Where("account_id", ctx.Account.AccountId).And("region_id", region.RegionId)
            .AndIf("instance_id", instanceId).AndIf("vpc_id", vpcId).AndIf("vswitch_id", vSwitchId)
            .AndIf("name", name).AndIf("primary_ip", primaryIp).AndIf("resource_group_id", resourceGroupId);
        Tags.Filter(query, tags);
        if (ids.Count > 0)
            query.AndIn("id", ids);
        // The SecurityGroupId filter finds secondary ENIs only (alibaba-api.md §2.7).
        query.AndIf("type", securityGroupId is null ? type : type ?? nameof(EniType.Secondary));
        if (type == "Trunk" || (securityGroupId is not null && type == nameof(EniType.Primary)) || NeverShown.Contains(status) || matchNothing)
            query.AndIn("id", []);
        else
            query.AndIf("status", status);

        return await ctx.Store.ReadAsync(async s =>
        {
            long total;
            IReadOnlyList<NetworkInterface> enis;
            if (securityGroupId is null && privateIps.Count == 0)
            {
                total = await s.CountAsync<NetworkInterface>(query);
                enis = await s.ListAsync<NetworkInterface>(query.Paged(page.Number, page.Size));
            }
            else
            {
                // Group membership and secondary addresses live inside the document: filter the account's ENIs in memory.
                var matching = (await s.ListAsync<NetworkInterface>(query))
                    .Where(n => securityGroupId is null || n.SecurityGroupIds.Contains(securityGroupId))
                    .Where(n => privateIps.Count == 0 || n.PrivateIpAddresses.Any(privateIps.Contains))
                    .ToList();
                total = matching.Count;
                enis = matching.Skip(page.Skip).Take(page.Size).ToList();
            }
            var eips = enis.Count == 0
                ? []
                : await s.ListAsync<Eip>(DocQuery.Where("account_id", ctx.Account.AccountId).AndIn("eni_id", enis.Select(n => n.NetworkInterfaceId).ToList()));
            var items = enis.Select(n => EniView.ToItem(n, eips.Where(e => e.Association?.NetworkInterfaceId == n.NetworkInterfaceId).ToList())).ToList();
            return new DescribeNetworkInterfacesResponse(ctx.RequestId, total, page.Number, page.Size, page.NextToken(total), new NetworkInterfaceSetList(items));
        }, ctx.Cancellation);
    }
}
