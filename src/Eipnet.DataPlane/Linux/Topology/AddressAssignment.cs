namespace Eipnet.DataPlane.Linux.Topology;

/// <summary>An address in CIDR form ("10.0.1.5/24") on a device in a namespace.</summary>
public sealed record AddressAssignment(string Namespace, string Device, string Cidr);
