using Eipnet.DataPlane.Linux.Topology;

namespace Eipnet.DataPlane.Linux.Ops;

/// <summary>Remove an address from a device that stays where it is.</summary>
public sealed record DeleteAddress(AddressAssignment Address) : HostOp
{
    public override string ToString() => $"addr del {Address.Namespace}/{Address.Device} {Address.Cidr}";
}
