namespace Eipnet.Agent.Kernel.Netlink;

/// <summary>The netlink sockets of one of our namespaces: rtnetlink for links, addresses, routes and rules, ctnetlink for
/// conntrack. Opened inside the namespace (<see cref="NamespaceSockets"/>) and bound to it for life.</summary>
/// <remarks>A socket holds its namespace: while a session is open, a deleted namespace (and the links in it) stays alive.
/// So, as with <see cref="NftSession"/>, <see cref="IsCurrent"/> turns false when the name points elsewhere (deleted, or
/// made again), and the owner then disposes this session and opens another.</remarks>
internal sealed class NetlinkSession : IDisposable
{
    private readonly NetlinkSocket route;
    private readonly NetlinkSocket netfilter;
    private readonly ulong inode;

    private NetlinkSession(string ns, NetlinkSocket route, NetlinkSocket netfilter, ulong inode)
    {
        Namespace = ns;
        this.route = route;
        this.netfilter = netfilter;
        this.inode = inode;
        Links = new Rtnetlink(route, ns);
        Conntrack = new Ctnetlink(netfilter, ns);
    }

    public string Namespace { get; }

    public Rtnetlink Links { get; }

    public Ctnetlink Conntrack { get; }

    /// <summary>True while the namespace's name still points to the namespace these sockets live in (always, for the
    /// process's own namespace).</summary>
    public bool IsCurrent => Namespace.Length == 0 || Namespaces.Inode(Namespace) == inode;

    /// <summary>Opens the sockets in the process's own namespace (named "").</summary>
    public static NetlinkSession OpenHere()
    {
        var route = NetlinkSocket.Open(NetlinkSocket.Route);
        try
        {
            return new NetlinkSession("", route, NetlinkSocket.Open(NetlinkSocket.Netfilter), 0);
        }
        catch
        {
            route.Dispose();
            throw;
        }
    }

    /// <summary>Opens the sockets inside <paramref name="ns"/>; throws when it does not exist.</summary>
    public static NetlinkSession Open(string ns) => NamespaceSockets.Create(ns, () =>
    {
        var inode = Namespaces.CurrentThreadInode();
        var route = NetlinkSocket.Open(NetlinkSocket.Route);
        try
        {
            return new NetlinkSession(ns, route, NetlinkSocket.Open(NetlinkSocket.Netfilter), inode);
        }
        catch
        {
            route.Dispose();
            throw;
        }
    });

    public void Dispose()
    {
        route.Dispose();
        netfilter.Dispose();
    }
}
