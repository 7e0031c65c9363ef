namespace Eipnet.DataPlane.Linux.Ops;

/// <summary>Create an ENI's veth pair: <see cref="GatewayName"/> in the gateway namespace, <see cref="Name"/> with the ENI's MAC
/// in <see cref="Namespace"/>; both up. The applier enables proxy ARP on the gateway end, which carries no address.</summary>
public sealed record CreateEniLink(string GatewayNamespace, string GatewayName, string Namespace, string Name, string MacAddress) : HostOp
{
    public override string ToString() => $"link add {GatewayNamespace}/{GatewayName} veth peer {Namespace}/{Name} address {MacAddress} up";
}
