using Eipnet.DataPlane.Linux.Topology;

namespace Eipnet.DataPlane.Linux.Ops;

/// <summary>Create a VPC's GENEVE tunnel to another host, its socket in the underlay namespace and the device in the router; up,
/// MTU 1500 (the underlay carries 1550-byte frames).</summary>
public sealed record CreateTunnel(TunnelLink Tunnel) : HostOp
{
    public override string ToString() =>
        $"link add {Tunnel.Namespace}/{Tunnel.Name} geneve id {Tunnel.Vni} remote {Tunnel.Remote} address {Tunnel.MacAddress} up";
}
