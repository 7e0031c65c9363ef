using Eipnet.DataPlane.Linux.Nft;
using Eipnet.DataPlane.Linux.Topology;

namespace Eipnet.DataPlane.Linux.Planning;

/// <summary>The keys an incremental pass touched, in every part of the plan; <see cref="Project"/> cuts a plan down to them.</summary>
/// <remarks>Two plans that agree outside these keys differ by exactly the diff of their projections: <see cref="HostDiff"/>
/// looks at each key on its own, except for devices (a fresh or moved link's addresses and routes, which are its ENI's and so
/// touched with it) and namespaces (touched with whatever is in them).</remarks>
internal sealed class PlanKeys
{
    private readonly HashSet<string> namespaces = new(StringComparer.Ordinal);
    private readonly HashSet<string> links = new(StringComparer.Ordinal);
    private readonly HashSet<AddressAssignment> addresses = [];
    private readonly HashSet<(string, int, string)> routes = [];
    private readonly HashSet<RuleEntry> rules = [];
    private readonly HashSet<string> targets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TableKeys> tables = new(StringComparer.Ordinal);

    private sealed class TableKeys
    {
        public bool Whole { get; set; }
        public Dictionary<string, HashSet<string>?> Sets { get; } = new(StringComparer.Ordinal); // null: the whole set
        public HashSet<string> Chains { get; } = new(StringComparer.Ordinal);
    }

    public void Namespace(string ns) => namespaces.Add(ns);

    public void Link(EniLink link)
    {
        links.Add(link.EniId);
        namespaces.Add(link.Namespace);
        namespaces.Add(link.RouterNamespace);
    }

    public void Address(AddressAssignment address)
    {
        addresses.Add(address);
        namespaces.Add(address.Namespace);
    }

    public void Route(RouteEntry route)
    {
        routes.Add(route.Key);
        namespaces.Add(route.Namespace);
    }

    public void Rule(RuleEntry rule)
    {
        rules.Add(rule);
        namespaces.Add(rule.Namespace);
    }

    public void Target(EipTarget target)
    {
        targets.Add(target.EipAddress);
        namespaces.Add(target.Router);
    }

    public void Element(NftElement element)
    {
        var sets = Table(element.Namespace).Sets;
        if (!sets.TryGetValue(element.Set, out var keys))
            sets[element.Set] = keys = new HashSet<string>(StringComparer.Ordinal);
        keys?.Add(element.Key);
    }

    public void WholeSet(string ns, string set) => Table(ns).Sets[set] = null;

    public void Chain(string ns, string chain) => Table(ns).Chains.Add(chain);

    public void WholeTable(string ns) => Table(ns).Whole = true;

    private TableKeys Table(string ns)
    {
        namespaces.Add(ns);
        if (!tables.TryGetValue(ns, out var keys))
            tables[ns] = keys = new TableKeys();
        return keys;
    }

    /// <summary>The part of <paramref name="plan"/> under these keys, as a plan of its own.</summary>
    public HostPlan Project(HostPlan plan)
    {
        var projected = new Dictionary<string, NftTable>(StringComparer.Ordinal);
        foreach (var (ns, keys) in tables)
        {
            if (!plan.Tables.TryGetValue(ns, out var table))
                continue;
            if (keys.Whole)
            {
                projected[ns] = table;
                continue;
            }
            var sets = new SortedDictionary<string, NftSet>(StringComparer.Ordinal);
            foreach (var (name, elementKeys) in keys.Sets)
            {
                if (!table.Sets.TryGetValue(name, out var set))
                    continue;
                if (elementKeys is null)
                {
                    sets[name] = set;
                    continue;
                }
                var elements = new SortedDictionary<string, string?>(StringComparer.Ordinal);
                foreach (var key in elementKeys)
                    if (set.Elements.TryGetValue(key, out var value))
                        elements[key] = value;
                sets[name] = set with { Elements = elements };
            }
            var chains = new SortedDictionary<string, NftChain>(StringComparer.Ordinal);
            foreach (var name in keys.Chains)
                if (table.Chains.TryGetValue(name, out var chain))
                    chains[name] = chain;
            projected[ns] = table with { Sets = sets, Chains = chains };
        }
        // The namespaces hold those of the touched routes (Route above), and the overlay's devices and peers are carried whole
        // (the same in both plans while the share's key holds), so a route through a device that stays is deleted as the
        // full diff deletes it.
        var spaces = new SortedSet<string>(namespaces.Where(plan.Namespaces.Contains), StringComparer.Ordinal);
        return new HostPlan(
            plan.Revision,
            spaces,
            new SortedSet<string>(spaces.Where(plan.Routers.Contains), StringComparer.Ordinal),
            Pick(links, plan.Links, new SortedDictionary<string, EniLink>(StringComparer.Ordinal)),
            addresses.Where(plan.Addresses.Contains).ToHashSet(),
            Pick(routes, plan.Routes, new SortedDictionary<(string, int, string), RouteEntry>()),
            rules.Where(plan.Rules.Contains).ToHashSet(),
            Pick(targets, plan.EipTargets, new SortedDictionary<string, EipTarget>(StringComparer.Ordinal)),
            projected)
        {
            Tunnels = plan.Tunnels,
            TunnelPeers = plan.TunnelPeers,
        };
    }

    private static SortedDictionary<TKey, TValue> Pick<TKey, TValue>(IEnumerable<TKey> keys, IReadOnlyDictionary<TKey, TValue> from, SortedDictionary<TKey, TValue> into)
        where TKey : notnull
    {
        foreach (var key in keys)
            if (from.TryGetValue(key, out var value))
                into[key] = value;
        return into;
    }
}
