using System.Security.Cryptography;
using Eipnet.Domain.Resources;
using Eipnet.Store;
using Eipnet.Store.Queries;

namespace Eipnet.Api.NetworkInterfaces;

/// <summary>MAC addresses for new ENIs: locally administered unicast (first octet 02), unique among all ENIs.</summary>
internal static class MacAddresses
{
    public static async Task<string> NewAsync(IStoreSession s)
    {
        // 40 random bits: a repeat is rare, and the enis.mac UNIQUE constraint still stops one this check misses.
        while (true)
        {
            var mac = "02:" + string.Join(':', RandomNumberGenerator.GetBytes(5).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
            if (await s.CountAsync<NetworkInterface>(DocQuery.Where("mac", mac)) == 0)
                return mac;
        }
    }
}
