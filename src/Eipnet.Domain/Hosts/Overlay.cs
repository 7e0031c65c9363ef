using Eipnet.Domain.Resources;

namespace Eipnet.Domain.Hosts;

/// <summary>How VPCs travel between hosts: VXLAN, two VNIs per VPC (one between the gateway and compute hosts, one between
/// compute hosts), so each router's devices keep one meaning: its "transit" leads out.</summary>
public static class Overlay
{
    /// <summary>A VPC's own VNIs are 23 bits (0 is not used); the east-west VNI is the VPC's with the 24th bit set.</summary>
    public const int MaxVni = 0x7FFFFF;

    private const int EastWestBit = 0x800000;

    /// <summary>A new VPC's VNI: the store revision that creates it, folded into 23 bits. Revisions are unique, so two VPCs share
    /// a VNI only if one was created 8,388,607 revisions after the other and both still exist.</summary>
    public static int VniForRevision(long revision) => (int)((revision - 1) % MaxVni) + 1;

    /// <summary>The VNI between a VPC's routers on compute hosts.</summary>
    public static int EastWest(int vni) => vni | EastWestBit;

    /// <summary>The UDP port of the overlay (IANA's VXLAN port).</summary>
    public const int Port = 4789;

    /// <summary>The VNI a VPC uses: its own, or for a VPC made before overlays, one from its id (FNV-1a).</summary>
    public static int VniOf(Vpc? vpc, string vpcId)
    {
        if (vpc is { Vni: > 0 })
            return vpc.Vni;
        var hash = 2166136261u;
        foreach (var c in vpcId)
            hash = (hash ^ c) * 16777619u;
        return (int)(hash % MaxVni) + 1;
    }

    /// <summary>A host's address inside every VPC router it has (on the router's loopback), the next hop other hosts' routers
    /// use: 169.254.128.0/17 by host id, which no VPC may use (link-local).</summary>
    public static string RouterAddress(int hostId) => $"169.254.{128 + (hostId / 256 % 128)}.{hostId % 256}";
}
