namespace Eipnet.Domain.Hosts;

/// <summary>What a host does: a gateway holds the EIP pools' uplink, the VPC routers' NAT and the EIPs' routes; a compute
/// host holds instances and their ENIs. One host may do both (the single-machine default).</summary>
[Flags]
public enum HostRoles
{
    None = 0,
    Gateway = 1,
    Compute = 2,
    Both = Gateway | Compute,
}

/// <summary>Roles as operators write them: "gateway", "compute", or both, comma-separated.</summary>
public static class HostRolesText
{
    public static bool TryParse(string? text, out HostRoles roles)
    {
        roles = HostRoles.None;
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (part.ToLowerInvariant())
            {
                case "gateway":
                    roles |= HostRoles.Gateway;
                    break;
                case "compute":
                    roles |= HostRoles.Compute;
                    break;
                default:
                    return false;
            }
        }
        return roles != HostRoles.None;
    }

    public static string Format(HostRoles roles) => roles switch
    {
        HostRoles.Both => "gateway,compute",
        HostRoles.Gateway => "gateway",
        HostRoles.Compute => "compute",
        _ => "",
    };
}
