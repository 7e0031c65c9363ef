using Eipnet.Api.Rpc;
using Eipnet.Contracts.Common;
using Eipnet.Domain.Errors;
using Eipnet.Domain.SecurityGroups;
using Eipnet.Store;

namespace Eipnet.Api.SecurityGroups;

/// <summary>AuthorizeSecurityGroup(Egress) and RevokeSecurityGroup(Egress): adding and removing rules.</summary>
/// <remarks>Every change is put with the data plane's change log, so the new rules reach the hosts.</remarks>
public static class SecurityGroupPermissions
{
    private const string Ingress = "ingress", Egress = "egress";

    public static Task<RequestIdResponse> AuthorizeIngressAsync(RpcContext ctx) => AuthorizeAsync(ctx, Ingress);

    public static Task<RequestIdResponse> AuthorizeEgressAsync(RpcContext ctx) => AuthorizeAsync(ctx, Egress);

    public static Task<RequestIdResponse> RevokeIngressAsync(RpcContext ctx) => RevokeAsync(ctx, Ingress);

    public static Task<RequestIdResponse> RevokeEgressAsync(RpcContext ctx) => RevokeAsync(ctx, Egress);

    private static async Task<RequestIdResponse> AuthorizeAsync(RpcContext ctx, string direction)
    {
        var groupId = ctx.Required("SecurityGroupId", 64);
        var region = ctx.OptionalRegion();
        var wanted = PermissionReader.Read(ctx, direction, missing: "IpProtocol");

        return await ctx.Store.WriteAsync(WriteScope.Account(ctx.Account.AccountId, groupId), async s =>
        {
            var group = await Find.SecurityGroupAsync(s, ctx, groupId, region?.RegionId);
            foreach (var peer in wanted.Select(r => r.PeerGroupId).Where(p => p.Length > 0 && p != groupId).Distinct())
                await Find.SecurityGroupAsync(s, ctx, peer, group.RegionId);
            var (rules, added, error) = RuleChanges.Add(group, wanted);
            if (error is not null)
                throw new EipException(error);
            if (added > 0)
                await s.PutAsync(group with { Rules = rules });
            return new RequestIdResponse(ctx.RequestId);
        }, ctx.Cancellation);
    }

    private static async Task<RequestIdResponse> RevokeAsync(RpcContext ctx, string direction)
    {
        var groupId = ctx.Required("SecurityGroupId", 64);
        var region = ctx.OptionalRegion();
        var ruleIds = ctx.RepeatList("SecurityGroupRuleId", PermissionReader.MaxPermissions);
        var matching = PermissionReader.Read(ctx, direction, missing: ruleIds.Count == 0 ? "SecurityGroupRuleId.1" : null);

        return await ctx.Store.WriteAsync(WriteScope.Account(ctx.Account.AccountId, groupId), async s =>
        {
            var group = await Find.SecurityGroupAsync(s, ctx, groupId, region?.RegionId);
            var (rules, error) = RuleChanges.Remove(group, direction, ruleIds, matching);
            if (error is not null)
                throw new EipException(error);
            await s.PutAsync(group with { Rules = rules });
            return new RequestIdResponse(ctx.RequestId);
        }, ctx.Cancellation);
    }
}
