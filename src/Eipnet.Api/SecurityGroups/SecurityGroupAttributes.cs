using Eipnet.Api.Rpc;
using Eipnet.Contracts.Common;
using Eipnet.Domain.Errors;
using Eipnet.Domain.SecurityGroups;
using Eipnet.Store;

namespace Eipnet.Api.SecurityGroups;

/// <summary>ModifySecurityGroupAttribute, ModifySecurityGroupPolicy and ModifySecurityGroup(Egress)Rule.</summary>
public static class SecurityGroupAttributes
{
    public static async Task<RequestIdResponse> ModifyAttributeAsync(RpcContext ctx)
    {
        var id = ctx.Required("SecurityGroupId", 64);
        var region = ctx.OptionalRegion();
        // Sent empty, a name or description is cleared (Terraform sends "" when a user removes one).
        var name = Cleared(ctx, "SecurityGroupName", 4096);
        if (name is { Length: > 0 } && !SecurityGroupLifecycle.IsValidName(name))
            throw new EipException(SecurityGroupErrors.NameMalformed(name));
        var description = Cleared(ctx, "Description", 4096);
        if (description is { Length: > 0 } && !SecurityGroupLifecycle.IsValidText(description, 2, 256))
            throw new EipException(SecurityGroupErrors.DescriptionMalformed("Description", 2, 256));
        return await ctx.Store.WriteAsync(WriteScope.Account(ctx.Account.AccountId, id), async s =>
        {
            var group = await Find.SecurityGroupAsync(s, ctx, id, region?.RegionId);
            await s.PutAsync(group with { SecurityGroupName = name ?? group.SecurityGroupName, Description = description ?? group.Description },
                forDataPlane: false);
            return new RequestIdResponse(ctx.RequestId);
        }, ctx.Cancellation);
    }

    public static async Task<RequestIdResponse> ModifyPolicyAsync(RpcContext ctx)
    {
        var id = ctx.Required("SecurityGroupId", 64);
        var region = ctx.OptionalRegion();
        var policy = ctx.Required("InnerAccessPolicy", 16);
        if (InnerAccess.Check(policy) is { } refused)
            throw new EipException(refused);
        await ctx.Store.ReadAsync(s => Find.SecurityGroupAsync(s, ctx, id, region?.RegionId), ctx.Cancellation);
        return new RequestIdResponse(ctx.RequestId);
    }

    public static Task<RequestIdResponse> ModifyIngressRuleAsync(RpcContext ctx) => ModifyRuleAsync(ctx, "ingress");

    public static Task<RequestIdResponse> ModifyEgressRuleAsync(RpcContext ctx) => ModifyRuleAsync(ctx, "egress");

    /// <summary>Changes the Description of one rule, named by SecurityGroupRuleId or by what it matches.</summary>
    private static async Task<RequestIdResponse> ModifyRuleAsync(RpcContext ctx, string direction)
    {
        var id = ctx.Required("SecurityGroupId", 64);
        var region = ctx.OptionalRegion();
        var ruleId = ctx.Optional("SecurityGroupRuleId", 64);
        var matching = ruleId is null ? PermissionReader.Read(ctx, direction, missing: "IpProtocol") : [];
        if (ruleId is not null && PermissionReader.Read(ctx, direction, missing: null).Count > 0)
            throw RpcContext.Invalid("SecurityGroupRuleId", "Eipnet changes a rule's Description only; give the rule's id or what it matches, not both (revoke and authorize to change what it matches).");
        // Description sent empty clears it; absent, it stays.
        var description = Cleared(ctx, "Description", 4096);
        if (description is { Length: > 0 } && !SecurityGroupLifecycle.IsValidText(description, 1, 512))
            throw new EipException(SecurityGroupErrors.DescriptionMalformed("Description", 1, 512));
        return await ctx.Store.WriteAsync(WriteScope.Account(ctx.Account.AccountId, id), async s =>
        {
            var group = await Find.SecurityGroupAsync(s, ctx, id, region?.RegionId);
            var (rules, error) = RuleChanges.Describe(group, direction, ruleId, matching.SingleOrDefault(), description);
            if (error is not null)
                throw new EipException(error);
            // The same description again changes nothing (Terraform sends this call twice).
            if (!rules.SequenceEqual(group.Rules))
                await s.PutAsync(group with { Rules = rules }, forDataPlane: false);
            return new RequestIdResponse(ctx.RequestId);
        }, ctx.Cancellation);
    }

    private static string? Cleared(RpcContext ctx, string name, int maxLength) =>
        ctx.Parameters.TryGetValue(name, out var value) && value.Length == 0 ? "" : ctx.Optional(name, maxLength);
}
