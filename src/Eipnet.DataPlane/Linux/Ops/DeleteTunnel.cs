namespace Eipnet.DataPlane.Linux.Ops;

/// <summary>Delete a VPC's tunnel to another host.</summary>
public sealed record DeleteTunnel(string Namespace, string Name) : HostOp
{
    public override string ToString() => $"link del {Namespace}/{Name}";
}
