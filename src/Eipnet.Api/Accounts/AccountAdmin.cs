using System.Security.Cryptography;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Ids;
using Eipnet.Domain.Resources;
using Eipnet.Store;

namespace Eipnet.Api.Accounts;

/// <summary>Operator actions on accounts: create one, allowlist it for multi-EIP mode, raise its quotas.</summary>
public static class AccountAdmin
{
    private const string KeyAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static Task<Account> CreateAsync(IEipStore store, string name, bool multiEip, TimeProvider time, CancellationToken ct) =>
        CreateAsync(store, name, "LTAI" + RandomNumberGenerator.GetString(KeyAlphabet, 20), RandomNumberGenerator.GetString(KeyAlphabet, 30), multiEip, time, ct);

    public static async Task<Account> CreateAsync(
        IEipStore store, string name, string accessKeyId, string accessKeySecret, bool multiEip, TimeProvider time, CancellationToken ct)
    {
        var account = new Account(
            ResourceIds.New(ResourceIds.Account), name, accessKeyId, accessKeySecret, multiEip,
            Account.DefaultEipQuota, Account.DefaultEipsPerEniQuota, time.GetUtcNow());
        await store.WriteAsync(WriteScope.None, async s =>
        {
            await s.PutAsync(account, forDataPlane: false);
            return 0;
        }, ct);
        return account;
    }

    /// <summary>Makes sure an account with this AccessKey exists (the bootstrap variables); the secret is updated to match.</summary>
    public static async Task<Account> EnsureAsync(IEipStore store, string accessKeyId, string accessKeySecret, TimeProvider time, CancellationToken ct)
    {
        var existing = await store.FindAccountByAccessKeyAsync(accessKeyId, ct);
        if (existing is null)
            return await CreateAsync(store, "bootstrap", accessKeyId, accessKeySecret, multiEip: false, time, ct);
        if (existing.AccessKeySecret == accessKeySecret)
            return existing;
        var updated = existing with { AccessKeySecret = accessKeySecret };
        await UpdateAsync(store, updated, ct);
        return updated;
    }

    public static Task<Account> AllowMultiEipAsync(IEipStore store, string accountId, CancellationToken ct) =>
        ChangeAsync(store, accountId, a => a with { MultiEipAllowed = true }, ct);

    /// <summary>Sets a quota: "eips" (EIPs per account) or "eips-per-eni" (EIPs per ENI in multi-EIP mode).</summary>
    public static Task<Account> SetQuotaAsync(IEipStore store, string accountId, string quota, int value, CancellationToken ct)
    {
        if (value < 1)
            throw new EipException(EipError.InvalidParameter("value", "a quota is a positive integer."));
        return quota switch
        {
            "eips" => ChangeAsync(store, accountId, a => a with { EipQuota = value }, ct),
            "eips-per-eni" => ChangeAsync(store, accountId, a => a with { EipsPerEniQuota = value }, ct),
            _ => throw new EipException(EipError.InvalidParameter("quota", "known quotas are eips and eips-per-eni.")),
        };
    }

    private static Task<Account> ChangeAsync(IEipStore store, string accountId, Func<Account, Account> change, CancellationToken ct) =>
        store.WriteAsync(WriteScope.Account(accountId), async s =>
        {
            var account = await s.GetAsync<Account>(accountId)
                ?? throw new EipException(EipError.NotFound("InvalidAccountId.NotFound", "account", accountId));
            var updated = change(account);
            await s.PutAsync(updated, forDataPlane: false);
            return updated;
        }, ct);

    private static Task UpdateAsync(IEipStore store, Account account, CancellationToken ct) =>
        store.WriteAsync(WriteScope.Account(account.AccountId), async s =>
        {
            await s.PutAsync(account, forDataPlane: false);
            return 0;
        }, ct);
}
