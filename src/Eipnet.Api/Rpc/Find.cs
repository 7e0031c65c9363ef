using Eipnet.Domain.Errors;
using Eipnet.Domain.Resources;
using Eipnet.Store;

namespace Eipnet.Api.Rpc;

/// <summary>Loads a resource of the calling account; another account's resource, or one in another region, is "not found".</summary>
public static class Find
{
    /// <summary>The calling account as stored now (flags and quotas that rules depend on may have changed since authentication).</summary>
    public static async Task<Account> AccountAsync(IStoreSession s, RpcContext ctx) =>
        await s.GetAsync<Account>(ctx.Account.AccountId) ?? ctx.Account;

    public static Task<Eip> EipAsync(IStoreSession s, RpcContext ctx, string id, string? regionId) =>
        OwnedAsync<Eip>(s, ctx, id, regionId, e => (e.AccountId, e.RegionId), "InvalidAllocationId.NotFound", "EIP");

    public static Task<NetworkInterface> EniAsync(IStoreSession s, RpcContext ctx, string id, string? regionId, string code = "InvalidEniId.NotFound") =>
        OwnedAsync<NetworkInterface>(s, ctx, id, regionId, n => (n.AccountId, n.RegionId), code, "network interface");

    public static Task<Instance> InstanceAsync(IStoreSession s, RpcContext ctx, string id, string? regionId) =>
        OwnedAsync<Instance>(s, ctx, id, regionId, i => (i.AccountId, i.RegionId), "InvalidInstanceId.NotFound", "instance");

    public static Task<Vpc> VpcAsync(IStoreSession s, RpcContext ctx, string id, string? regionId) =>
        OwnedAsync<Vpc>(s, ctx, id, regionId, v => (v.AccountId, v.RegionId), "InvalidVpcId.NotFound", "VPC");

    public static Task<VSwitch> VSwitchAsync(IStoreSession s, RpcContext ctx, string id, string? regionId) =>
        OwnedAsync<VSwitch>(s, ctx, id, regionId, v => (v.AccountId, v.RegionId), "InvalidVSwitchId.NotFound", "vSwitch");

    public static Task<SecurityGroup> SecurityGroupAsync(IStoreSession s, RpcContext ctx, string id, string? regionId) =>
        OwnedAsync<SecurityGroup>(s, ctx, id, regionId, g => (g.AccountId, g.RegionId), "InvalidSecurityGroupId.NotFound", "security group");

    private static async Task<T> OwnedAsync<T>(
        IStoreSession s, RpcContext ctx, string id, string? regionId, Func<T, (string Account, string Region)> owner, string code, string what)
        where T : class
    {
        var item = await s.GetAsync<T>(id);
        if (item is not null)
        {
            var (account, region) = owner(item);
            if (account == ctx.Account.AccountId && (regionId is null || region == regionId))
                return item;
        }
        throw new EipException(EipError.NotFound(code, what, id));
    }
}
