namespace Eipnet.DataPlane.Linux.Ops;

/// <summary>Delete an ENI's veth pair through its gateway end (deleting one end deletes both, and their addresses and routes).</summary>
public sealed record DeleteEniLink(string GatewayNamespace, string GatewayName) : HostOp
{
    public override string ToString() => $"link del {GatewayNamespace}/{GatewayName}";
}
