using Eipnet.Api.Rpc;
using Eipnet.Contracts.Common;
using Eipnet.Contracts.SecurityGroups;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Ids;
using Eipnet.Domain.Resources;
using Eipnet.Store;
using Eipnet.Store.Queries;

namespace Eipnet.Api.SecurityGroups;

/// <summary>CreateSecurityGroup and DeleteSecurityGroup.</summary>
public static class SecurityGroupLifecycle
{
    /// <summary>Alibaba's default quota of security groups per account and region.</summary>
    public const int GroupsPerRegion = 100;

    public static async Task<CreateSecurityGroupResponse> CreateAsync(RpcContext ctx)
    {
        var region = ctx.Region();
        var vpcId = ctx.Optional("VpcId", 64) ?? throw new EipException(SecurityGroupErrors.VpcRequired());
        var name = ctx.Optional("SecurityGroupName", 4096);
        if (name is not null && !IsValidName(name))
            throw new EipException(SecurityGroupErrors.NameMalformed(name));
        var description = ctx.Optional("Description", 4096);
        if (description is not null && !IsValidText(description, 2, 256))
            throw new EipException(SecurityGroupErrors.DescriptionMalformed("Description", 2, 256));
        var type = ctx.OneOf("SecurityGroupType", "normal", "enterprise") ?? "normal";
        var tags = Tags.Read(ctx);
        var resourceGroupId = ResourceGroupParameter.Read(ctx) ?? "";

        return await ctx.Store.WriteAsync(WriteScope.Account(ctx.Account.AccountId), async s =>
        {
            var vpc = await Find.VpcAsync(s, ctx, vpcId, region.RegionId);
            var count = await s.CountAsync<SecurityGroup>(DocQuery.Where("account_id", ctx.Account.AccountId).And("region_id", region.RegionId));
            if (count >= GroupsPerRegion)
                throw new EipException(SecurityGroupErrors.QuotaExceeded(region.RegionId, GroupsPerRegion));
            var group = new SecurityGroup(ResourceIds.New(ResourceIds.SecurityGroup), ctx.Account.AccountId, region.RegionId, vpc.VpcId,
                name ?? "", description ?? "", type, ctx.Now, []) { Tags = tags, ResourceGroupId = resourceGroupId };
            await s.PutAsync(group);
            return new CreateSecurityGroupResponse(ctx.RequestId, group.SecurityGroupId);
        }, ctx.Cancellation);
    }

    public static async Task<RequestIdResponse> DeleteAsync(RpcContext ctx)
    {
        var id = ctx.Required("SecurityGroupId", 64);
        var region = ctx.OptionalRegion();
        return await ctx.Store.WriteAsync(WriteScope.Account(ctx.Account.AccountId, id), async s =>
        {
            var group = await Find.SecurityGroupAsync(s, ctx, id, region?.RegionId);
            if (GroupMembers.Count(await GroupMembers.OfVpcAsync(s, ctx.Account.AccountId, group.VpcId), id) > 0)
                throw new EipException(SecurityGroupErrors.InUse(id));
            // A rule of another group naming this one would be left pointing at nothing.
            var groups = await s.ListAsync<SecurityGroup>(DocQuery.Where("account_id", ctx.Account.AccountId).And("region_id", group.RegionId));
            var referencing = groups.FirstOrDefault(g => g.SecurityGroupId != id && g.Rules.Any(r => r.PeerGroupId == id));
            if (referencing is not null)
                throw new EipException(SecurityGroupErrors.Referenced(id, referencing.SecurityGroupId));
            await s.DeleteAsync<SecurityGroup>(id);
            return new RequestIdResponse(ctx.RequestId);
        }, ctx.Cancellation);
    }

    /// <summary>2-128 characters, starting with a letter; letters, digits, colons, underscores, periods and hyphens.</summary>
    internal static bool IsValidName(string name) =>
        IsValidText(name, 2, 128) && char.IsLetter(name[0]) && name.All(c => char.IsLetterOrDigit(c) || c is ':' or '_' or '.' or '-');

    internal static bool IsValidText(string text, int minLength, int maxLength) =>
        text.Length >= minLength && text.Length <= maxLength
        && !text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
