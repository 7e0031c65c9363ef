using Eipnet.Api.Rpc;
using Eipnet.Contracts.SecurityGroups;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Resources;
using Eipnet.Domain.SecurityGroups;
using Eipnet.Store.Queries;

namespace Eipnet.Api.SecurityGroups;

/// <summary>DescribeSecurityGroups and DescribeSecurityGroupAttribute.</summary>
public static class SecurityGroupQueries
{
    public static async Task<DescribeSecurityGroupsResponse> DescribeAsync(RpcContext ctx)
    {
        var region = ctx.Region();
        var vpcId = ctx.Optional("VpcId", 64);
        var groupId = ctx.Optional("SecurityGroupId", 64);
        var ids = ctx.JsonStringArray("SecurityGroupIds", 100);
        var name = ctx.Optional("SecurityGroupName", 128);
        // FuzzyQuery=true makes SecurityGroupName match names that contain it.
        var fuzzy = ctx.OptionalBool("FuzzyQuery") ?? false;
        ctx.OptionalBool("IsQueryEcsCount");
        var serviceManaged = ctx.OptionalBool("ServiceManaged");
        var dryRun = ctx.OptionalBool("DryRun") ?? false;
        var type = ctx.OneOf("SecurityGroupType", "normal", "enterprise");
        var networkType = ctx.OneOf("NetworkType", "vpc", "classic");
        var tags = Tags.Read(ctx);
        var resourceGroupId = ResourceGroupParameter.Read(ctx);
        var byToken = ctx.Optional("MaxResults", 16) is not null || ctx.Optional("NextToken", 64) is not null;
        var maxResults = ctx.OptionalInt("MaxResults", 1, 100) ?? 10;
        var offset = TokenPaging.Offset(ctx);
        var (page, size) = ctx.Page(50);

        var query = DocQuery.Where("account_id", ctx.Account.AccountId).And("region_id", region.RegionId)
            .AndIf("vpc_id", vpcId).AndIf("id", groupId).AndIf("name", fuzzy ? null : name).AndIf("resource_group_id", resourceGroupId);
        if (ids is not null)
            query.AndIn("id", ids);
        Tags.Filter(query, tags);
        if (dryRun)
            throw new EipException(EcsErrors.DryRunOperation());

        return await ctx.Store.ReadAsync(async s =>
        {
            // The quota (100 groups per region) bounds this list, so the remaining filters and the page are applied here.
            var groups = (await s.ListAsync<SecurityGroup>(query)).Where(g => type is null || g.SecurityGroupType == type)
                .Where(g => !fuzzy || name is null || g.SecurityGroupName.Contains(name, StringComparison.Ordinal)).ToList();
            // Eipnet has VPC groups only, none managed by another service: those match nothing.
            if (networkType == "classic" || serviceManaged == true)
                groups.Clear();

            IReadOnlyList<SecurityGroup> shown;
            var nextToken = "";
            if (byToken)
                (shown, nextToken) = TokenPaging.Page(groups, offset, maxResults);
            else
                shown = groups.Skip((page - 1) * size).Take(size).ToList();

            var enisByVpc = new Dictionary<string, IReadOnlyList<NetworkInterface>>(StringComparer.Ordinal);
            foreach (var vpc in shown.Select(g => g.VpcId).Distinct())
                enisByVpc[vpc] = await GroupMembers.OfVpcAsync(s, ctx.Account.AccountId, vpc);
            var items = shown.Select(g => SecurityGroupView.ToItem(g, GroupMembers.Count(enisByVpc[g.VpcId], g.SecurityGroupId))).ToList();

            return new DescribeSecurityGroupsResponse(ctx.RequestId, region.RegionId, groups.Count,
                byToken ? null : page, byToken ? null : size, nextToken, new SecurityGroupList(items));
        }, ctx.Cancellation);
    }

    public static async Task<DescribeSecurityGroupAttributeResponse> DescribeAttributeAsync(RpcContext ctx)
    {
        var groupId = ctx.Required("SecurityGroupId", 64);
        var region = ctx.OptionalRegion();
        var direction = ctx.OneOf("Direction", "ingress", "egress", "all") ?? "all";
        // Terraform's rule resource sends NicType=<nil> (its id's text for an unset nic_type): that is no filter. Any other
        // value outside the two types is refused.
        var nicType = ctx.Optional("NicType", 16) == "<nil>" ? null : ctx.OneOf("NicType", "internet", "intranet");
        var maxResults = ctx.OptionalInt("MaxResults", 10, 1000) ?? 500;
        var offset = TokenPaging.Offset(ctx);

        return await ctx.Store.ReadAsync(async s =>
        {
            var group = await Find.SecurityGroupAsync(s, ctx, groupId, region?.RegionId);
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var peer in group.Rules.Select(r => r.PeerGroupId).Where(p => p.Length > 0).Distinct())
            {
                if (await s.GetAsync<SecurityGroup>(peer) is { } g && g.AccountId == ctx.Account.AccountId)
                    names[peer] = g.SecurityGroupName;
            }
            // VPC groups hold intranet rules only.
            var rules = group.Rules.Where(r => (direction == "all" || r.Direction == direction) && nicType != "internet").ToList();
            var (shown, nextToken) = TokenPaging.Page(rules, offset, maxResults);
            return new DescribeSecurityGroupAttributeResponse(ctx.RequestId, group.RegionId, group.SecurityGroupId, group.SecurityGroupName,
                group.Description, group.VpcId, InnerAccess.Accept, nextToken,
                new PermissionList(shown.Select(r => SecurityGroupView.ToPermission(r, names)).ToList()));
        }, ctx.Cancellation);
    }
}
