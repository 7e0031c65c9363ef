using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Eipnet.Api.Rpc;

/// <summary>Alibaba shows owners as numeric account ids (OwnerId); Eipnet derives a stable 16-digit one from the account id.</summary>
/// <remarks>Kept below 2^53 (as Alibaba's ids, which start with 1, are): JavaScript clients parse JSON numbers as doubles.</remarks>
public static class Owners
{
    public static long NumericId(string accountId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(accountId));
        return (long)(BinaryPrimitives.ReadUInt64BigEndian(hash) % 1_000_000_000_000_000UL) + 1_000_000_000_000_000L;
    }

    /// <summary>True when the owner-id parameter (VpcOwnerId, VSwitchOwnerId, ...) is absent or names the caller; it must be a number.</summary>
    public static bool IsCaller(RpcContext ctx, string parameter)
    {
        var value = ctx.Optional(parameter, 20);
        if (value is null)
            return true;
        if (!long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var owner))
            throw RpcContext.Invalid(parameter, "it must be a numeric account id.");
        return owner == NumericId(ctx.Account.AccountId);
    }
}
