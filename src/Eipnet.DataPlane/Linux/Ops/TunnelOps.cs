using Eipnet.DataPlane.Linux.Topology;

namespace Eipnet.DataPlane.Linux.Ops;

/// <summary>Create a router's VXLAN device, its socket in the underlay namespace and the device in the router; up, MTU 1500
/// (the underlay carries 1550-byte frames), no learning.</summary>
public sealed record CreateTunnel(TunnelLink Tunnel) : HostOp
{
    public override string ToString() =>
        $"link add {Tunnel.Namespace}/{Tunnel.Name} vxlan id {Tunnel.Vni} address {Tunnel.MacAddress} nolearning up";
}

/// <summary>Delete a router's VXLAN device (its peers go with it).</summary>
public sealed record DeleteTunnel(string Namespace, string Name) : HostOp
{
    public override string ToString() => $"link del {Namespace}/{Name}";
}

/// <summary>Tell a tunnel where another host's router is: "ip neigh replace ADDRESS lladdr MAC nud permanent" and "bridge fdb
/// replace MAC dst REMOTE self permanent".</summary>
public sealed record AddTunnelPeer(TunnelPeer Peer) : HostOp
{
    public override string ToString() => $"peer add {Peer.Namespace}/{Peer.Device} {Peer.Address} {Peer.MacAddress} via {Peer.Remote}";
}

/// <summary>Forget another host's router on a tunnel.</summary>
public sealed record DeleteTunnelPeer(TunnelPeer Peer) : HostOp
{
    public override string ToString() => $"peer del {Peer.Namespace}/{Peer.Device} {Peer.Address}";
}
