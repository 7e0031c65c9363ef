using Eipnet.Domain.Addressing;
using Eipnet.Domain.Resources;
using Eipnet.Store;

namespace Eipnet.Api.NetworkInterfaces;

/// <summary>Claims private addresses of one vSwitch inside one write session: addresses a caller asked for, or the lowest free ones.</summary>
/// <remarks>The private_ips table decides who owns an address; this class only remembers what the session has seen taken,
/// so successive automatic claims do not rescan from the start.</remarks>
internal sealed class PrivateIpAllocator
{
    private readonly IStoreSession session;
    private readonly HashSet<string> used;

    private PrivateIpAllocator(IStoreSession session, VSwitch vSwitch, Ipv4Cidr cidr, HashSet<string> used)
    {
        this.session = session;
        this.used = used;
        VSwitch = vSwitch;
        Cidr = cidr;
    }

    public VSwitch VSwitch { get; }

    public Ipv4Cidr Cidr { get; }

    /// <summary>Assignable addresses not yet taken.</summary>
    public long FreeCount => VSwitchAddressing.Capacity(Cidr) - used.Count;

    public static async Task<PrivateIpAllocator> OpenAsync(IStoreSession s, VSwitch vSwitch)
    {
        if (!Ipv4Cidr.TryParse(vSwitch.CidrBlock, out var cidr))
            throw new InvalidOperationException($"vSwitch {vSwitch.VSwitchId} has a malformed CIDR {vSwitch.CidrBlock}.");
        var used = (await s.UsedPrivateIpsAsync(vSwitch.VSwitchId)).ToHashSet(StringComparer.Ordinal);
        return new PrivateIpAllocator(s, vSwitch, cidr.Value, used);
    }

    /// <summary>True when <paramref name="ip"/> is inside the vSwitch and not one of its reserved addresses.</summary>
    public bool IsAssignable(string ip) =>
        Ipv4Cidr.TryParseAddress(ip, out var address) && VSwitchAddressing.IsAssignable(Cidr, address);

    /// <summary>Claims an address the caller asked for; false when another ENI holds it.</summary>
    public async Task<bool> TryClaimAsync(string ip, string eniId)
    {
        if (used.Contains(ip))
            return false;
        used.Add(ip);
        return await session.TryClaimPrivateIpAsync(VSwitch.VSwitchId, ip, eniId);
    }

    /// <summary>Claims the lowest free assignable address, or returns null when the vSwitch is full.</summary>
    public async Task<string?> ClaimNextAsync(string eniId)
    {
        while (VSwitchAddressing.FirstFree(Cidr, used) is { } candidate)
        {
            used.Add(candidate);
            if (await session.TryClaimPrivateIpAsync(VSwitch.VSwitchId, candidate, eniId))
                return candidate;
        }
        return null;
    }
}
