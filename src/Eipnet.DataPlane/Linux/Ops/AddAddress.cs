using Eipnet.DataPlane.Linux.Topology;

namespace Eipnet.DataPlane.Linux.Ops;

/// <summary>Add an address to a device ("ip addr replace", so it is idempotent).</summary>
public sealed record AddAddress(AddressAssignment Address) : HostOp
{
    public override string ToString() => $"addr add {Address.Namespace}/{Address.Device} {Address.Cidr}";
}
