using Eipnet.Api.Rpc;
using Eipnet.Domain.Addressing;
using Eipnet.Domain.Errors;

namespace Eipnet.Api.Vpcs;

/// <summary>A VPC CidrBlock parameter, parsed and checked by <see cref="VpcCidrRules"/>.</summary>
public static class VpcCidr
{
    public static Ipv4Cidr Default => VpcCidrRules.Default;

    /// <summary>The block, or null when the parameter is absent.</summary>
    public static Ipv4Cidr? Read(RpcContext ctx, string name)
    {
        var text = ctx.Optional(name, 32);
        if (text is null)
            return null;
        if (!Ipv4Cidr.TryParse(text, out var cidr))
            throw new EipException(new EipError("InvalidCidrBlock.Malformed", $"The CidrBlock \"{text}\" is not an IPv4 network in CIDR form such as 192.168.0.0/16.", 400));
        return VpcCidrRules.Check(cidr.Value) is { } error ? throw new EipException(error) : cidr.Value;
    }
}
