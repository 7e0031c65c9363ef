using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Eipnet.Api.Rpc;

/// <summary>Alibaba shows owners as numeric account ids (OwnerId); Eipnet derives a stable 16-digit one from the account id.</summary>
public static class Owners
{
    public static long NumericId(string accountId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(accountId));
        return (long)(BinaryPrimitives.ReadUInt64BigEndian(hash) % 9_000_000_000_000_000UL) + 1_000_000_000_000_000L;
    }
}
