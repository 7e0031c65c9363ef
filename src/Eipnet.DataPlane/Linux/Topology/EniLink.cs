namespace Eipnet.DataPlane.Linux.Topology;

/// <summary>A veth pair: <see cref="Name"/> with <see cref="MacAddress"/> in <see cref="Namespace"/>, and <see cref="GatewayName"/>
/// in <see cref="RouterNamespace"/>. For an ENI: the guest's end in its instance's namespace (or the parking one) and the host
/// end in its VPC's router. For a VPC's transit link (<see cref="EniId"/> "transit:VPC"): the router's end and the gateway's.</summary>
public sealed record EniLink(string EniId, string Name, string GatewayName, string MacAddress, string Namespace, string RouterNamespace)
{
    public const string TransitPrefix = "transit:";

    public bool IsTransit => EniId.StartsWith(TransitPrefix, StringComparison.Ordinal);
}
