using Eipnet.Api.Rpc;
using Eipnet.Contracts.Instances;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Resources;
using Eipnet.Store;
using Eipnet.Store.Queries;

namespace Eipnet.Api.Instances;

/// <summary>DescribeInstances (alibaba-api.md §2.10).</summary>
public static class InstanceQueries
{
    public static async Task<DescribeInstancesResponse> DescribeAsync(RpcContext ctx)
    {
        var region = ctx.Region();
        var ids = ctx.JsonStringArray("InstanceIds", 100);
        var vpcId = ctx.Optional("VpcId", 64);
        var vSwitchId = ctx.Optional("VSwitchId", 64);
        var zoneId = ctx.Optional("ZoneId", 64);
        var status = ctx.Optional("Status", 32);
        if (status is not null && !Enum.GetNames<InstanceStatus>().Contains(status, StringComparer.Ordinal))
            throw new EipException(EcsErrors.InstanceStatusNotFound(status));
        var name = ctx.Optional("InstanceName", 128);
        var type = ctx.Optional("InstanceType", 64);
        var securityGroupId = ctx.Optional("SecurityGroupId", 64);
        var privateIps = ctx.JsonStringArray("PrivateIpAddresses", 100);
        var publicIps = ctx.JsonStringArray("PublicIpAddresses", 100);
        var eipAddresses = ctx.JsonStringArray("EipAddresses", 100);
        var page = DescribePage.Read(ctx, maxPageSize: 100, maxResults: 100);
        var tags = Tags.Read(ctx);
        var resourceGroupId = ResourceGroupParameter.Read(ctx);
        var imageId = ctx.Optional("ImageId", 128);
        var family = ctx.Optional("InstanceTypeFamily", 64);
        var dryRun = ctx.OptionalBool("DryRun") ?? false;
        // Output options, not filters.
        ctx.RepeatList("AdditionalAttributes", 20);
        ctx.OptionalBool("NeedSaleCycle");
        // What Eipnet cannot filter by is refused rather than ignored (an ignored filter would list every instance).
        foreach (var metadata in new[] { "HttpEndpoint", "HttpTokens", "HttpPutResponseHopLimit" })
            ctx.Refuse(metadata, "Eipnet's instances have no metadata service options to filter by; leave it out.");
        if (ctx.Parameters.Any(p => p.Key.StartsWith("Filter.", StringComparison.Ordinal) && p.Value.Length > 0))
            throw RpcContext.Invalid("Filter", "Eipnet does not filter instances by creation or expiry time; leave Filter.N out.");
        // What Eipnet's instances never are or have: asked for, it matches nothing; asked against, everything.
        var matchNothing = ctx.OneOf("InstanceChargeType", "PostPaid", "PrePaid") == "PrePaid"
            || ctx.OneOf("InstanceNetworkType", "vpc", "classic") == "classic"
            || ctx.OneOf("InternetChargeType", "PayByTraffic", "PayByBandwidth") == "PayByBandwidth"
            || ctx.OptionalBool("IoOptimized") == false || ctx.OptionalBool("DeviceAvailable") == true
            || ctx.Optional("HpcClusterId", 64) is not null || ctx.Optional("KeyPairName", 128) is not null || ctx.Optional("LockReason", 32) is not null
            || ctx.JsonStringArray("InnerIpAddresses", 100) is { Count: > 0 } || ctx.JsonStringArray("RdmaIpAddresses", 100) is { Count: > 0 }
            || ctx.RepeatList("Ipv6Address", 100).Count > 0;
        if (dryRun)
            throw new EipException(EcsErrors.DryRunOperation());

        var query = DocQuery.Where("account_id", ctx.Account.AccountId).And("region_id", region.RegionId)
            .AndIf("vpc_id", vpcId).AndIf("vswitch_id", vSwitchId).AndIf("zone_id", zoneId).AndIf("status", status).AndIf("instance_type", type)
            .AndIf("resource_group_id", resourceGroupId);
        Tags.Filter(query, tags);
        // InstanceName takes * as a wildcard.
        if (name is not null && name.Contains('*'))
            query.AndLike("name", name.Replace('*', '%'));
        else
            query.AndIf("name", name);
        if (ids is not null)
            query.AndIn("id", ids);
        // Eipnet gives instances no static public IPs: that filter matches nothing.
        if (publicIps is { Count: > 0 } || matchNothing)
            query.AndIn("id", []);
        if (family is not null)
            query.AndIn("instance_type", ctx.Catalog.InstanceTypes.Where(t => t.InstanceTypeFamily == family).Select(t => t.InstanceTypeId).ToList());

        return await ctx.Store.ReadAsync(async s =>
        {
            // Filters on the primary ENI become instance id sets; each is one small query.
            DocQuery Primaries() => DocQuery.Where("account_id", ctx.Account.AccountId).And("region_id", region.RegionId).And("type", nameof(EniType.Primary));
            if (privateIps is { Count: > 0 })
                query.AndIn("id", InstanceIds(await s.ListAsync<NetworkInterface>(Primaries().AndIn("primary_ip", privateIps))));
            if (eipAddresses is { Count: > 0 })
                query.AndIn("id", await WithEipsAsync(s, ctx.Account.AccountId, region.RegionId, eipAddresses));
            // The image is in the document: the account's instances in the region (bounded by its quota) are matched here.
            if (imageId is not null)
                query.AndIn("id", (await s.ListAsync<Instance>(DocQuery.Where("account_id", ctx.Account.AccountId).And("region_id", region.RegionId)))
                    .Where(i => i.ImageId == imageId).Select(i => i.InstanceId).ToList());
            if (securityGroupId is not null)
                query.AndIn("id", InstanceIds((await s.ListAsync<NetworkInterface>(Primaries())).Where(n => n.SecurityGroupIds.Contains(securityGroupId))));

            var total = await s.CountAsync<Instance>(query);
            var instances = await s.ListAsync<Instance>(query.Paged(page.Number, page.Size));
            var instanceIds = instances.Select(i => i.InstanceId).ToList();
            var enis = instanceIds.Count == 0 ? [] : await s.ListAsync<NetworkInterface>(DocQuery.Where("account_id", ctx.Account.AccountId).AndIn("instance_id", instanceIds));
            var primaryIds = instances.Select(i => i.PrimaryNetworkInterfaceId).ToList();
            var eips = primaryIds.Count == 0 ? [] : await s.ListAsync<Eip>(DocQuery.Where("account_id", ctx.Account.AccountId).AndIn("eni_id", primaryIds));
            var items = instances.Select(i =>
            {
                var own = enis.Where(n => n.InstanceId == i.InstanceId).ToList();
                var primaryIp = own.FirstOrDefault(n => n.NetworkInterfaceId == i.PrimaryNetworkInterfaceId)?.PrimaryIpAddress;
                var eip = eips.FirstOrDefault(e => e.Association?.NetworkInterfaceId == i.PrimaryNetworkInterfaceId && e.Association.PrivateIpAddress == primaryIp);
                return InstanceView.ToItem(i, ctx.Catalog.FindInstanceType(i.InstanceType), own, eip);
            }).ToList();
            return new DescribeInstancesResponse(ctx.RequestId, total, page.Number, page.Size, page.NextToken(total), new InstanceList(items));
        }, ctx.Cancellation);
    }

    /// <summary>Instances whose primary ENI carries one of these EIP addresses.</summary>
    private static async Task<IReadOnlyCollection<string>> WithEipsAsync(IStoreSession s, string accountId, string regionId, IReadOnlyCollection<string> addresses)
    {
        var eniIds = (await s.ListAsync<Eip>(DocQuery.Where("account_id", accountId).And("region_id", regionId).AndIn("ip_address", addresses)))
            .Select(e => e.Association?.NetworkInterfaceId).OfType<string>().ToList();
        return eniIds.Count == 0
            ? []
            : InstanceIds(await s.ListAsync<NetworkInterface>(DocQuery.Where("account_id", accountId).And("type", nameof(EniType.Primary)).AndIn("id", eniIds)));
    }

    private static IReadOnlyCollection<string> InstanceIds(IEnumerable<NetworkInterface> enis) =>
        enis.Select(n => n.InstanceId).OfType<string>().Distinct().ToList();
}
