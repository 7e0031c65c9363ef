namespace Eipnet.DataPlane.Linux.Topology;

/// <summary>A GENEVE tunnel from a VPC's router on this host to the same VPC's router on another host: <see cref="Name"/> in
/// <see cref="Namespace"/>, keyed by the VPC's <see cref="Vni"/>, to the other host's underlay <see cref="Remote"/>, with a
/// MAC that stays the same when it is made again (the other side's neighbour entry stays right).</summary>
/// <remarks>Its UDP socket lives in the host's underlay namespace; the device lives in the router. One tunnel per VPC and pair
/// of hosts: the kernel keys GENEVE devices by (VNI, remote), so VPCs never share one and their packets never meet.</remarks>
public sealed record TunnelLink(string Namespace, string Name, int Vni, string Remote, string MacAddress)
{
    public string Key => Namespace + "/" + Name;
}
