using Eipnet.Api.Rpc;
using Eipnet.Contracts.Common;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Resources;
using Eipnet.Store;

namespace Eipnet.Api.Eips;

/// <summary>The VPC API's DeletionProtection, for EIPs (the only one of its types Eipnet has).</summary>
public static class EipProtection
{
    public static async Task<RequestIdResponse> SetAsync(RpcContext ctx)
    {
        var regionId = ctx.Region().RegionId;
        var id = ctx.Required("InstanceId", 64);
        var enable = ctx.OptionalBool("ProtectionEnable") ?? throw new EipException(EipError.MissingParameter("ProtectionEnable"));
        var type = ctx.Required("Type", 16);
        if (type is "CBWP" or "NATGW")
            throw new EipException(new EipError("DeletionProtection.TypeNotSupport", $"Eipnet has no {type} resources; deletion protection applies to Type EIP.", 400));
        if (type != "EIP")
            throw RpcContext.Invalid("Type", "it must be EIP, CBWP or NATGW.");
        return await ctx.Store.WriteAsync(WriteScope.ResourcesOnly(ctx.Account.AccountId, id), async s =>
        {
            var eip = await s.GetAsync<Eip>(id);
            if (eip is null || (eip.AccountId, eip.RegionId) != (ctx.Account.AccountId, regionId))
                throw new EipException(new EipError("DeletionProtection.ResourceNotExist", $"The EIP {id} does not exist in {regionId}.", 400));
            if (EipRelease.CheckProtectionChange(eip) is { } refused)
                throw new EipException(refused);
            if (eip.DeletionProtection != enable)
                await s.PutAsync(eip with { DeletionProtection = enable }, forDataPlane: false);
            return new RequestIdResponse(ctx.RequestId);
        }, ctx.Cancellation);
    }
}
