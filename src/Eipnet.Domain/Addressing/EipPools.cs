namespace Eipnet.Domain.Addressing;

/// <summary>A region's public address pools. Each pool is a routed subnet whose first host is the gateway (what
/// DescribeEipGatewayInfo reports to multi-EIP guests); the network, gateway and broadcast addresses are never allocated.</summary>
public sealed class EipPools(IReadOnlyList<Ipv4Cidr> pools)
{
    public static EipPools Parse(IEnumerable<string> cidrs) =>
        new(cidrs.Select(c => Ipv4Cidr.TryParse(c, out var cidr) ? cidr.Value : throw new FormatException($"Bad EIP pool \"{c}\".")).ToList());

    public IReadOnlyList<Ipv4Cidr> Pools => pools;

    public Ipv4Cidr? PoolOf(uint address) => pools.Cast<Ipv4Cidr?>().FirstOrDefault(p => p!.Value.Contains(address));

    public bool IsAllocatable(uint address) =>
        PoolOf(address) is { } p && address > p.Network + 1 && address < p.Last;

    /// <summary>A random allocatable address, each pool weighted by its size.</summary>
    public uint RandomAddress(Random random)
    {
        var total = pools.Sum(p => (long)p.Size - 3);
        var pick = random.NextInt64(total);
        foreach (var p in pools)
        {
            var usable = (long)p.Size - 3;
            if (pick < usable)
                return p.Network + 2 + (uint)pick;
            pick -= usable;
        }
        throw new InvalidOperationException("No EIP pool has usable addresses.");
    }

    public IEnumerable<uint> AllAllocatable() =>
        pools.SelectMany(p => Enumerable.Range(0, (int)Math.Max(0, (long)p.Size - 3)).Select(i => p.Network + 2 + (uint)i));
}
