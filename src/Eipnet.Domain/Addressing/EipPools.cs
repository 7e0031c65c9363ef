using Eipnet.Domain.Errors;

namespace Eipnet.Domain.Addressing;

/// <summary>A region's public address pools. Each pool is a routed subnet whose first host is the gateway (what
/// DescribeEipGatewayInfo reports to multi-EIP guests); the network, gateway and broadcast addresses are never allocated.</summary>
public sealed class EipPools(IReadOnlyList<Ipv4Cidr> pools)
{
    public static EipPools Parse(IEnumerable<string> cidrs) =>
        new(cidrs.Select(c => Ipv4Cidr.TryParse(c, out var cidr) ? cidr.Value : throw new FormatException($"Bad EIP pool \"{c}\".")).ToList());

    /// <summary>Null when the region's pools have addresses to hand out; otherwise ResourceNotEnough.EipAddress naming the
    /// catalog's regions that do.</summary>
    /// <remarks>Whether a pool still has a free address needs the store; running out is <see cref="EipError.EipPoolExhausted"/>.</remarks>
    public static EipError? CheckOffered(Catalog.Catalog catalog, string regionId)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (catalog.FindRegion(regionId) is { } region && Parse(region.EipPools).HasAllocatable)
            return null;
        var offering = catalog.Regions.Where(r => Parse(r.EipPools).HasAllocatable).Select(r => r.RegionId).ToList();
        return EipError.NoEipPool(regionId, offering);
    }

    public IReadOnlyList<Ipv4Cidr> Pools => pools;

    /// <summary>True when at least one pool is large enough to have an address besides network, gateway and broadcast.</summary>
    public bool HasAllocatable => pools.Any(p => Usable(p) > 0);

    public Ipv4Cidr? PoolOf(uint address) => pools.Cast<Ipv4Cidr?>().FirstOrDefault(p => p!.Value.Contains(address));

    public bool IsAllocatable(uint address) =>
        PoolOf(address) is { } p && address > p.Network + 1 && address < p.Last;

    /// <summary>A random allocatable address, each pool weighted by its size.</summary>
    /// <remarks>Needs <see cref="HasAllocatable"/>; callers check the region with <see cref="CheckOffered"/> first.</remarks>
    public uint RandomAddress(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var total = pools.Sum(Usable);
        if (total == 0)
            throw new InvalidOperationException("No EIP pool has usable addresses.");
        var pick = random.NextInt64(total);
        foreach (var p in pools)
        {
            var usable = Usable(p);
            if (pick < usable)
                return p.Network + 2 + (uint)pick;
            pick -= usable;
        }
        throw new InvalidOperationException("No EIP pool has usable addresses.");
    }

    public IEnumerable<uint> AllAllocatable() =>
        pools.SelectMany(p => Enumerable.Range(0, (int)Usable(p)).Select(i => p.Network + 2 + (uint)i));

    // Network, gateway (first host) and broadcast are never handed out; a /31 or /32 has nothing left.
    private static long Usable(Ipv4Cidr pool) => Math.Max(0, (long)pool.Size - 3);
}
