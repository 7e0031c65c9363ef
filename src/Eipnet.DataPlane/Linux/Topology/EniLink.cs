namespace Eipnet.DataPlane.Linux.Topology;

/// <summary>One ENI as a veth pair: <see cref="Name"/> with the ENI's MAC in <see cref="Namespace"/> (an instance's, or the
/// parking namespace), and <see cref="GatewayName"/> in the gateway namespace.</summary>
public sealed record EniLink(string EniId, string Name, string GatewayName, string MacAddress, string Namespace);
