using Eipnet.Api.Rpc;
using Eipnet.Domain.Addressing;
using Eipnet.Domain.Errors;

namespace Eipnet.Api.NetworkInterfaces;

/// <summary>Reads private IPv4 addresses from the parameters of the ENI and instance actions.</summary>
internal static class PrivateIpParameters
{
    /// <summary>Name.1 ... Name.N as IPv4 addresses in index order; a malformed address is InvalidParameter, a repeated one InvalidIp.IpRepeated.</summary>
    public static IReadOnlyList<string> List(RpcContext ctx, string name, int max, IEnumerable<string>? alsoGiven = null)
    {
        var values = ctx.RepeatList(name, max);
        var seen = new HashSet<string>(alsoGiven ?? [], StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (!Ipv4Cidr.TryParseAddress(value, out _))
                throw RpcContext.Invalid(name + ".N", $"\"{value}\" is not an IPv4 address such as 192.168.1.10.");
            if (!seen.Add(value))
                throw new EipException(EcsErrors.IpRepeated(value));
        }
        return values;
    }

    /// <summary>Name.1 ... Name.N as IPv4 addresses, for filters: repeats are harmless.</summary>
    public static IReadOnlyList<string> Filter(RpcContext ctx, string name, int max)
    {
        var values = ctx.RepeatList(name, max);
        foreach (var value in values)
        {
            if (!Ipv4Cidr.TryParseAddress(value, out _))
                throw RpcContext.Invalid(name + ".N", $"\"{value}\" is not an IPv4 address such as 192.168.1.10.");
        }
        return values;
    }
}
