using Eipnet.Domain.Resources;

namespace Eipnet.Domain.Hosts;

/// <summary>How VPCs travel between hosts: a GENEVE tunnel per VPC and pair of hosts, keyed by the VPC's VNI.</summary>
public static class Overlay
{
    /// <summary>VNIs are 24 bits; 0 is not used.</summary>
    public const int MaxVni = 0xFFFFFF;

    /// <summary>A new VPC's VNI: the store revision that creates it, folded into 24 bits. Revisions are unique, so two VPCs share
    /// a VNI only if one was created 16,777,215 revisions after the other and both still exist.</summary>
    public static int VniForRevision(long revision) => (int)((revision - 1) % MaxVni) + 1;

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
