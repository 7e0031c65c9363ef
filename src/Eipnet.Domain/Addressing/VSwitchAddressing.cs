namespace Eipnet.Domain.Addressing;

/// <summary>Private addresses of a vSwitch: Alibaba reserves the network address, the gateway (the first host) and the last three.</summary>
public static class VSwitchAddressing
{
    public const int Reserved = 5;

    public static uint Gateway(Ipv4Cidr cidr) => cidr.Network + 1;

    public static bool IsAssignable(Ipv4Cidr cidr, uint address) =>
        cidr.Contains(address) && address >= cidr.Network + 2 && address <= cidr.Last - 3;

    public static long Capacity(Ipv4Cidr cidr) => Math.Max(0, (long)cidr.Size - Reserved);

    /// <summary>The lowest assignable address not in <paramref name="used"/>, or null when the vSwitch is full.</summary>
    public static string? FirstFree(Ipv4Cidr cidr, IReadOnlySet<string> used)
    {
        for (var a = cidr.Network + 2; a <= cidr.Last - 3 && a >= cidr.Network; a++)
        {
            var text = Ipv4Cidr.Format(a);
            if (!used.Contains(text))
                return text;
        }
        return null;
    }
}
