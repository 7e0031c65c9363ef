namespace Eipnet.DataPlane.Linux.Topology;

/// <summary>A VXLAN device of a VPC's router: <see cref="Name"/> in <see cref="Namespace"/>, on <see cref="Vni"/>, with a MAC
/// that is the same whenever it is made again (the other hosts' neighbour entries for it stay right). No learning: its
/// <see cref="TunnelPeer"/>s say where each other router is.</summary>
/// <remarks>Its UDP socket lives in the host's underlay namespace; the device lives in the router. The kernel delivers what
/// arrives on a VNI to that VNI's device only, so VPCs never meet.</remarks>
public sealed record TunnelLink(string Namespace, string Name, int Vni, string MacAddress)
{
    public string Key => Namespace + "/" + Name;
}

/// <summary>Another host's router on a tunnel: its overlay <see cref="Address"/> (a permanent neighbour entry with its
/// device's <see cref="MacAddress"/>) and where to send that MAC (a forwarding entry to its host's underlay <see cref="Remote"/>).</summary>
public sealed record TunnelPeer(string Namespace, string Device, string Address, string MacAddress, string Remote);
