using System.Collections.Immutable;
using Eipnet.DataPlane.Linux.Nft;
using Eipnet.DataPlane.Linux.Topology;
using Eipnet.Domain.Resources;

namespace Eipnet.DataPlane.Linux.Planning;

/// <summary>A plan being put together from fragments: the one place where ENIs, EIPs and routers land in (or leave) the
/// plan's collections. <see cref="HostPlan.For"/> starts it empty; <see cref="IncrementalPlanner"/> starts it from the last
/// plan. Both work on builders of immutable collections: a full plan freezes them once at the end, an incremental one changes
/// a few tree paths and shares everything else with the last plan.</summary>
/// <remarks>Each fragment's items are its own: a key another fragment already holds (two ENIs with one private IP in a VPC,
/// two EIPs on one private IP, ...) is an overlap. A full plan keeps the last writer, as it always did, and carries no
/// fragments then, so the next pass plans in full again; an incremental pass with an overlap is abandoned.</remarks>
internal sealed class PlanEdit
{
    private readonly HostPlanOptions o;
    private readonly HostShare share;
    private readonly ImmutableSortedSet<string>.Builder namespaces, routers;
    private readonly ImmutableSortedDictionary<string, EniLink>.Builder links;
    private readonly ImmutableHashSet<AddressAssignment>.Builder addresses;
    private readonly ImmutableSortedDictionary<(string, int, string), RouteEntry>.Builder routes;
    private readonly ImmutableHashSet<RuleEntry>.Builder rules;
    private readonly ImmutableSortedDictionary<string, EipTarget>.Builder targets;
    private readonly ImmutableDictionary<string, EniFragment>.Builder enis;
    private readonly ImmutableSortedDictionary<string, TunnelLink>.Builder tunnels;
    private readonly ImmutableHashSet<TunnelPeer>.Builder peers;
    private readonly IReadOnlyDictionary<string, NftTable> baseTables;
    private readonly Dictionary<string, TableEdit?> tables = new(StringComparer.Ordinal); // null: the table goes

    private PlanEdit(HostPlanOptions o, HostShare share, ImmutableSortedDictionary<string, TunnelLink>.Builder tunnels, ImmutableHashSet<TunnelPeer>.Builder peers,
        ImmutableSortedSet<string>.Builder namespaces, ImmutableSortedSet<string>.Builder routers,
        ImmutableSortedDictionary<string, EniLink>.Builder links, ImmutableHashSet<AddressAssignment>.Builder addresses,
        ImmutableSortedDictionary<(string, int, string), RouteEntry>.Builder routes, ImmutableHashSet<RuleEntry>.Builder rules,
        ImmutableSortedDictionary<string, EipTarget>.Builder targets, ImmutableDictionary<string, EniFragment>.Builder enis, IReadOnlyDictionary<string, NftTable> baseTables, PlanKeys? keys)
    {
        (this.o, this.namespaces, this.routers, this.links, this.addresses, this.routes, this.rules, this.targets, this.enis, this.baseTables, Keys) =
            (o, namespaces, routers, links, addresses, routes, rules, targets, enis, baseTables, keys);
        (this.share, this.tunnels, this.peers) = (share, tunnels, peers);
    }

    /// <summary>What this edit touched (null for a full plan, which touches everything).</summary>
    public PlanKeys? Keys { get; }

    /// <summary>Whether two fragments claimed one key, or a fragment to remove was not in the plan as recorded.</summary>
    public bool Overlaps { get; private set; }

    public IEnumerable<EniFragment> Fragments => enis.Values;

    /// <summary>An empty plan with the gateway namespace and its table (a gateway) and the parking namespace (a compute host).</summary>
    public static PlanEdit Empty(HostPlanOptions o, HostShare share)
    {
        var edit = new PlanEdit(o, share, ImmutableSortedDictionary.CreateBuilder<string, TunnelLink>(StringComparer.Ordinal), ImmutableHashSet.CreateBuilder<TunnelPeer>(),
            ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal), ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal),
            ImmutableSortedDictionary.CreateBuilder<string, EniLink>(StringComparer.Ordinal), ImmutableHashSet.CreateBuilder<AddressAssignment>(),
            ImmutableSortedDictionary.CreateBuilder<(string, int, string), RouteEntry>(), ImmutableHashSet.CreateBuilder<RuleEntry>(),
            ImmutableSortedDictionary.CreateBuilder<string, EipTarget>(StringComparer.Ordinal), ImmutableDictionary.CreateBuilder<string, EniFragment>(StringComparer.Ordinal),
            new Dictionary<string, NftTable>(), keys: null);
        if (share.Gateway)
        {
            edit.AddNamespace(o.GatewayNamespace);
            edit.tables[o.GatewayNamespace] = new TableEdit(HostPlan.GatewayTable(o));
        }
        if (share.Compute)
            edit.AddNamespace(o.ParkingNamespace);
        return edit;
    }

    /// <summary>An edit of <paramref name="plan"/>, or null when the plan was not made by this class (observed from the kernel) or
    /// carries no fragments (it had overlaps).</summary>
    public static PlanEdit? Of(HostPlan plan, HostPlanOptions o, HostShare share)
    {
        if (plan is not
            {
                EniFragments: ImmutableDictionary<string, EniFragment> enis,
                Namespaces: ImmutableSortedSet<string> namespaces,
                Routers: ImmutableSortedSet<string> routers,
                Links: ImmutableSortedDictionary<string, EniLink> links,
                Addresses: ImmutableHashSet<AddressAssignment> addresses,
                Routes: ImmutableSortedDictionary<(string, int, string), RouteEntry> routes,
                Rules: ImmutableHashSet<RuleEntry> rules,
                EipTargets: ImmutableSortedDictionary<string, EipTarget> targets,
            })
            return null;
        var tunnels = plan.Tunnels as ImmutableSortedDictionary<string, TunnelLink> ?? plan.Tunnels.ToImmutableSortedDictionary(StringComparer.Ordinal);
        var peers = plan.TunnelPeers as ImmutableHashSet<TunnelPeer> ?? plan.TunnelPeers.ToImmutableHashSet();
        return new PlanEdit(o, share, tunnels.ToBuilder(), peers.ToBuilder(), namespaces.ToBuilder(), routers.ToBuilder(), links.ToBuilder(), addresses.ToBuilder(), routes.ToBuilder(), rules.ToBuilder(),
            targets.ToBuilder(), enis.ToBuilder(), plan.Tables, new PlanKeys());
    }

    public bool HasNamespace(string ns) => namespaces.Contains(ns);

    public bool HasRouter(string ns) => routers.Contains(ns);

    public bool TryGetFragment(string eniId, out EniFragment fragment) => enis.TryGetValue(eniId, out fragment!);

    public void AddNamespace(string ns)
    {
        Keys?.Namespace(ns);
        Overlaps |= !namespaces.Add(ns);
    }

    public void RemoveNamespace(string ns)
    {
        Keys?.Namespace(ns);
        Overlaps |= !namespaces.Remove(ns);
    }

    public void AddRouter(RouterFragment router)
    {
        AddNamespace(router.Namespace);
        routers.Add(router.Namespace);
        if (router.Transit is { } transit)
            Add(transit);
        foreach (var address in router.Addresses)
            Add(address);
        foreach (var route in router.Routes)
            Add(route);
        foreach (var rule in router.Rules)
            Add(rule);
        foreach (var tunnel in router.Tunnels)
            Overlaps |= !tunnels.TryAdd(tunnel.Key, tunnel);
        foreach (var peer in router.Peers)
            Overlaps |= !peers.Add(peer);
        tables[router.Namespace] = new TableEdit(HostPlan.RouterTable(o, router.Role));
        Keys?.WholeTable(router.Namespace);
    }

    public void RemoveRouter(RouterFragment router)
    {
        RemoveNamespace(router.Namespace);
        routers.Remove(router.Namespace);
        if (router.Transit is { } transit)
            Remove(transit);
        foreach (var address in router.Addresses)
            Remove(address);
        foreach (var route in router.Routes)
            Remove(route);
        foreach (var rule in router.Rules)
            Remove(rule);
        foreach (var tunnel in router.Tunnels)
            Overlaps |= !tunnels.Remove(tunnel.Key);
        foreach (var peer in router.Peers)
            Overlaps |= !peers.Remove(peer);
        tables[router.Namespace] = null;
        Keys?.WholeTable(router.Namespace);
    }

    public void AddEni(EniFragment eni)
    {
        Overlaps |= !Put(enis, eni.EniId, eni);
        if (eni.Link is { } link)
            Add(link);
        foreach (var address in eni.Addresses)
            Add(address);
        foreach (var route in eni.Routes)
            Add(route);
        foreach (var rule in eni.Rules)
            Add(rule);
        foreach (var element in eni.Elements)
            Add(element);
    }

    public void RemoveEni(EniFragment eni)
    {
        Overlaps |= !enis.TryGetValue(eni.EniId, out var was) || was != eni;
        enis.Remove(eni.EniId);
        if (eni.Link is { } link)
            Remove(link);
        foreach (var address in eni.Addresses)
            Remove(address);
        foreach (var route in eni.Routes)
            Remove(route);
        foreach (var rule in eni.Rules)
            Remove(rule);
        foreach (var element in eni.Elements)
            Remove(element);
    }

    /// <summary>Places an active EIP on its ENI, here or through the overlay, on a gateway; an EIP whose ENI no host has, or on a
    /// host that is no gateway, steers nowhere.</summary>
    public void AddEip(Eip eip)
    {
        if (!share.Gateway || !enis.TryGetValue(eip.Association!.NetworkInterfaceId, out var eni))
            return;
        var fragment = EipFragment.For(eip, eni, o);
        Keys?.Target(fragment.Target);
        Overlaps |= !Put(targets, fragment.Target.EipAddress, fragment.Target);
        foreach (var element in fragment.Elements)
            Add(element);
    }

    public void RemoveEip(EipTarget target)
    {
        Keys?.Target(target);
        Overlaps |= !targets.TryGetValue(target.EipAddress, out var was) || was != target;
        targets.Remove(target.EipAddress);
        foreach (var element in EipFragment.Of(target, o).Elements)
            Remove(element);
    }

    /// <summary>Replaces the router's security-group chains and members sets.</summary>
    public void SetGroups(string router, RouterGroups groups)
    {
        var table = Table(router);
        if (table is null)
            return;
        foreach (var name in table.Sets.Keys.Where(RouterGroups.IsMembersSet).Where(n => !groups.Members.ContainsKey(n)).ToList())
        {
            table.Sets.Remove(name);
            Keys?.WholeSet(router, name);
        }
        foreach (var (name, set) in groups.Members)
        {
            table.Sets[name] = set;
            Keys?.WholeSet(router, name);
        }
        foreach (var name in table.Chains.Values.Where(c => c.Hook is null && !groups.Chains.ContainsKey(c.Name)).Select(c => c.Name).ToList())
        {
            table.Chains.Remove(name);
            Keys?.Chain(router, name);
        }
        foreach (var (name, chain) in groups.Chains)
        {
            table.Chains[name] = chain;
            Keys?.Chain(router, name);
        }
    }

    public HostPlan ToPlan(long revision)
    {
        var all = new SortedDictionary<string, NftTable>(StringComparer.Ordinal);
        foreach (var (ns, table) in baseTables)
            all[ns] = table;
        foreach (var (ns, edit) in tables)
        {
            if (edit is null)
                all.Remove(ns);
            else
                all[ns] = edit.ToTable();
        }
        return new HostPlan(revision, namespaces.ToImmutable(), routers.ToImmutable(), links.ToImmutable(), addresses.ToImmutable(), routes.ToImmutable(),
            rules.ToImmutable(), targets.ToImmutable(), all)
        {
            EniFragments = Overlaps ? null : enis.ToImmutable(),
            Tunnels = tunnels.ToImmutable(),
            TunnelPeers = peers.ToImmutable(),
            ShareKey = share.Key,
        };
    }

    private void Add(EniLink link)
    {
        Keys?.Link(link);
        Overlaps |= !Put(links, link.EniId, link);
    }

    private void Remove(EniLink link)
    {
        Keys?.Link(link);
        Overlaps |= !links.TryGetValue(link.EniId, out var was) || was != link;
        links.Remove(link.EniId);
    }

    private void Add(AddressAssignment address)
    {
        Keys?.Address(address);
        Overlaps |= !addresses.Add(address);
    }

    private void Remove(AddressAssignment address)
    {
        Keys?.Address(address);
        Overlaps |= !addresses.Remove(address);
    }

    private void Add(RouteEntry route)
    {
        Keys?.Route(route);
        Overlaps |= !Put(routes, route.Key, route);
    }

    private void Remove(RouteEntry route)
    {
        Keys?.Route(route);
        Overlaps |= !routes.TryGetValue(route.Key, out var was) || was != route;
        routes.Remove(route.Key);
    }

    private void Add(RuleEntry rule)
    {
        Keys?.Rule(rule);
        Overlaps |= !rules.Add(rule);
    }

    private void Remove(RuleEntry rule)
    {
        Keys?.Rule(rule);
        Overlaps |= !rules.Remove(rule);
    }

    private void Add(NftElement element)
    {
        Keys?.Element(element);
        var elements = Table(element.Namespace)?.Elements(element.Set);
        if (elements is null)
        {
            Overlaps = true;
            return;
        }
        Overlaps |= !Put(elements, element.Key, element.Value);
    }

    private void Remove(NftElement element)
    {
        Keys?.Element(element);
        var elements = Table(element.Namespace)?.Elements(element.Set);
        if (elements is null || !elements.TryGetValue(element.Key, out var was) || was != element.Value)
        {
            Overlaps = true;
            return;
        }
        elements.Remove(element.Key);
    }

    /// <summary>Sets the key (the last writer wins) and says whether it was new, in one lookup.</summary>
    private static bool Put<TKey, TValue>(IDictionary<TKey, TValue> items, TKey key, TValue value)
    {
        var count = items.Count;
        items[key] = value;
        return items.Count > count;
    }

    private TableEdit? Table(string ns)
    {
        if (tables.TryGetValue(ns, out var edit))
            return edit;
        if (!baseTables.TryGetValue(ns, out var table))
            return null;
        return tables[ns] = new TableEdit(table);
    }

    /// <summary>One table being edited: its sets and chains, and builders for the elements of the sets touched.</summary>
    private sealed class TableEdit(NftTable table)
    {
        private readonly Dictionary<string, ImmutableSortedDictionary<string, string?>.Builder> open = new(StringComparer.Ordinal);

        public SortedDictionary<string, NftSet> Sets { get; } = new(table.Sets.ToDictionary(), StringComparer.Ordinal);

        public SortedDictionary<string, NftChain> Chains { get; } = new(table.Chains.ToDictionary(), StringComparer.Ordinal);

        public ImmutableSortedDictionary<string, string?>.Builder? Elements(string set)
        {
            if (open.TryGetValue(set, out var elements))
                return elements;
            if (!Sets.TryGetValue(set, out var current))
                return null;
            elements = current.Elements is ImmutableSortedDictionary<string, string?> frozen ? frozen.ToBuilder()
                : current.Elements.ToImmutableSortedDictionary(StringComparer.Ordinal).ToBuilder();
            return open[set] = elements;
        }

        public NftTable ToTable()
        {
            foreach (var (name, elements) in open)
                if (Sets.TryGetValue(name, out var set))
                    Sets[name] = set with { Elements = elements.ToImmutable() };
            foreach (var (name, set) in Sets.Where(s => s.Value.Elements is not ImmutableSortedDictionary<string, string?>).ToList())
                Sets[name] = set with { Elements = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, set.Elements) };
            return table with { Sets = Sets, Chains = Chains };
        }
    }
}
