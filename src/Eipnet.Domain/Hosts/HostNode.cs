namespace Eipnet.Domain.Hosts;

/// <summary>A host of the data plane, as the operator registered it (<c>eipnet admin agent add NAME --roles .. --underlay-address ..</c>):
/// its agent's name, a number the store gave it (stable while it is registered), its roles and the address other hosts reach
/// its overlay at.</summary>
public sealed record HostNode(string Name, int Id, HostRoles Roles, string UnderlayAddress)
{
    public bool IsGateway => (Roles & HostRoles.Gateway) != 0;

    public bool IsCompute => (Roles & HostRoles.Compute) != 0;
}
