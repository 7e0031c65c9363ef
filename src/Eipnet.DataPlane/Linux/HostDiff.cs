using Eipnet.DataPlane.Linux.Nft;
using Eipnet.DataPlane.Linux.Ops;
using Eipnet.DataPlane.Linux.Topology;

namespace Eipnet.DataPlane.Linux;

/// <summary>The operations that take a host from one <see cref="HostPlan"/> to the next, in the order they must run.</summary>
/// <remarks>Order, and why:
/// 1. Build: namespaces, ENI links (created or moved), addresses, routes. What the new state steers traffic to exists
///    before anything is steered there, and moved links are in their new namespace before the old one may be deleted.
/// 2. Steer: one nft transaction, so the host switches from the old translation to the new one all at once.
/// 3. Tear down: routes, addresses, links, namespaces that are no longer wanted, after nothing steers traffic to them any more;
///    namespaces last, because deleting one destroys whatever is still inside.
/// 4. Forget: conntrack flushes last, so that an entry created towards the old target while the steps above ran is gone too.
/// Element-level changes only: one EIP or one ENI touches its own elements whatever the size of the tables.</remarks>
public sealed record HostDiff(IReadOnlyList<HostOp> Operations)
{
    public bool IsEmpty => Operations.Count == 0;

    /// <summary>Operations counted with each nft command as one, for "O(changed)" checks.</summary>
    public int Count => Operations.Sum(o => o is NftTransaction t ? t.Commands.Count : 1);

    public IEnumerable<FlushConntrack> Flushes => Operations.OfType<FlushConntrack>();

    public override string ToString() => string.Concat(Operations.Select(o => o + "\n"));

    /// <summary>The diff from <paramref name="before"/> (null: a host with nothing of ours) to <paramref name="after"/>.</summary>
    /// <param name="reloadTable">Replace the whole nft table instead of diffing it: at start and on resync, when
    /// <paramref name="before"/> was observed from the kernel and the table's contents are not trusted.</param>
    public static HostDiff Between(HostPlan? before, HostPlan after, HostPlanOptions? options = null, bool reloadTable = false)
    {
        ArgumentNullException.ThrowIfNull(after);
        var o = options ?? HostPlanOptions.Default;
        var gw = o.GatewayNamespace;
        var ops = new List<HostOp>();
        var oldLinks = before?.Links ?? new Dictionary<string, EniLink>();
        var oldNamespaces = before?.Namespaces ?? new HashSet<string>();

        // Devices whose addresses and routes the kernel has dropped (new, recreated or moved links): add everything on them again.
        var fresh = new HashSet<(string, string)>();
        // Devices that exist after this diff, where they are: a delete on any other device is moot, the kernel did it.
        var live = new HashSet<(string, string)>(after.Links.Values.SelectMany(l => new[] { (l.RouterNamespace, l.GatewayName), (l.Namespace, l.Name) }))
        {
            (gw, HostPlan.GatewayLoopback),
            (gw, o.UplinkName),
        };
        foreach (var router in after.Routers)
            live.Add((router, HostPlan.GatewayLoopback));
        foreach (var tunnel in after.Tunnels.Values)
            live.Add((tunnel.Namespace, tunnel.Name));
        var oldTunnels = before?.Tunnels ?? new Dictionary<string, TunnelLink>();

        // 1. Build.
        ops.AddRange(after.Namespaces.Except(oldNamespaces).Order(StringComparer.Ordinal).Select(n => new CreateNamespace(n, after.Routers.Contains(n))));
        foreach (var link in after.Links.Values.OrderBy(l => l.IsTransit ? 0 : 1).ThenBy(l => l.EniId, StringComparer.Ordinal))
        {
            if (oldLinks.TryGetValue(link.EniId, out var old) && old.MacAddress == link.MacAddress && old.Name == link.Name
                && old.RouterNamespace == link.RouterNamespace && old.GatewayName == link.GatewayName)
            {
                if (old.Namespace == link.Namespace)
                    continue;
                ops.Add(new MoveLink(old.Namespace, link.Name, link.Namespace));
                fresh.Add((link.Namespace, link.Name));
                continue;
            }
            if (old is not null)
                ops.Add(new DeleteEniLink(old.RouterNamespace, old.GatewayName)); // a MAC cannot change under a guest: recreate
            ops.Add(new CreateEniLink(link.RouterNamespace, link.GatewayName, link.Namespace, link.Name, link.MacAddress));
            fresh.Add((link.RouterNamespace, link.GatewayName));
            fresh.Add((link.Namespace, link.Name));
        }
        foreach (var tunnel in after.Tunnels.Values)
        {
            // Kept unless it changed or its router is new (a namespace made in this diff has none of its devices).
            var madeNow = after.Namespaces.Contains(tunnel.Namespace) && !oldNamespaces.Contains(tunnel.Namespace);
            if (oldTunnels.TryGetValue(tunnel.Key, out var was) && was == tunnel && !madeNow)
                continue;
            if (was is not null)
                ops.Add(new DeleteTunnel(was.Namespace, was.Name)); // a device's VNI or MAC cannot change: make it again
            ops.Add(new CreateTunnel(tunnel));
            fresh.Add((tunnel.Namespace, tunnel.Name));
        }
        // Peers (neighbour and forwarding entries) go with their device: a new one needs all of its own.
        var oldPeers = before?.TunnelPeers ?? new HashSet<TunnelPeer>();
        ops.AddRange(after.TunnelPeers.Where(p => !oldPeers.Contains(p) || fresh.Contains((p.Namespace, p.Device)))
            .OrderBy(p => p.Namespace, StringComparer.Ordinal).ThenBy(p => p.Device, StringComparer.Ordinal).ThenBy(p => p.Address, StringComparer.Ordinal)
            .Select(p => new AddTunnelPeer(p)));
        var oldAddresses = before?.Addresses ?? new HashSet<AddressAssignment>();
        ops.AddRange(after.Addresses
            .Where(a => !oldAddresses.Contains(a) || fresh.Contains((a.Namespace, a.Device)))
            .OrderBy(a => a.Namespace, StringComparer.Ordinal).ThenBy(a => a.Device, StringComparer.Ordinal).ThenBy(a => a.Cidr, StringComparer.Ordinal)
            .Select(a => new AddAddress(a)));
        var oldRoutes = before?.Routes ?? new Dictionary<(string, int, string), RouteEntry>();
        ops.AddRange(after.Routes.Values
            .Where(r => !oldRoutes.TryGetValue(r.Key, out var was) || was != r || fresh.Contains((r.Namespace, r.Device)))
            .Select(r => new ReplaceRoute(r)));
        var oldRules = before?.Rules ?? new HashSet<RuleEntry>();
        ops.AddRange(Ordered(after.Rules.Except(oldRules)).Select(r => new AddRule(r)));

        // 2. Steer: one transaction per namespace with a table, the routers before the gateway, so that the gateway sends an EIP
        // to a router only once the router translates it.
        var oldTables = before?.Tables ?? new Dictionary<string, NftTable>();
        foreach (var (ns, table) in after.Tables.OrderBy(t => t.Key == gw ? 1 : 0).ThenBy(t => t.Key, StringComparer.Ordinal))
        {
            var nft = before is null || reloadTable || !oldTables.TryGetValue(ns, out var was) || !oldNamespaces.Contains(ns)
                ? [table.RenderLoad().TrimEnd('\n')]
                : NftCommands(was, table);
            if (nft.Count > 0)
                ops.Add(new NftTransaction(ns, nft));
        }

        // 3. Tear down; skipping what went with a moved or deleted device or namespace.
        bool Stays((string, string) device) => live.Contains(device) && !fresh.Contains(device) && after.Namespaces.Contains(device.Item1);
        ops.AddRange(oldRoutes.Values
            .Where(r => !after.Routes.ContainsKey(r.Key) && Stays((r.Namespace, r.Device)))
            .Select(r => new DeleteRoute(r.Namespace, r.Destination, r.Table)));
        // Rules belong to the namespace, not to a device: they stay behind when a link moves, so they go explicitly.
        ops.AddRange(Ordered(oldRules.Except(after.Rules).Where(r => after.Namespaces.Contains(r.Namespace))).Select(r => new DeleteRule(r)));
        ops.AddRange(oldAddresses
            .Where(a => !after.Addresses.Contains(a) && Stays((a.Namespace, a.Device)))
            .OrderBy(a => a.Namespace, StringComparer.Ordinal).ThenBy(a => a.Device, StringComparer.Ordinal).ThenBy(a => a.Cidr, StringComparer.Ordinal)
            .Select(a => new DeleteAddress(a)));
        ops.AddRange(oldLinks.Values.Where(l => !after.Links.ContainsKey(l.EniId) && after.Namespaces.Contains(l.RouterNamespace))
            .Select(l => new DeleteEniLink(l.RouterNamespace, l.GatewayName)));
        ops.AddRange(oldPeers.Where(p => !after.TunnelPeers.Contains(p) && Stays((p.Namespace, p.Device)))
            .Select(p => new DeleteTunnelPeer(p)));
        ops.AddRange(oldTunnels.Values.Where(t => !after.Tunnels.ContainsKey(t.Key) && after.Namespaces.Contains(t.Namespace))
            .Select(t => new DeleteTunnel(t.Namespace, t.Name)));
        ops.AddRange(oldNamespaces.Except(after.Namespaces).Order(StringComparer.Ordinal).Select(n => new DeleteNamespace(n)));

        // 4. Forget.
        ops.AddRange(FlushTargets(before, after).Where(f => after.Namespaces.Contains(f.Namespace)));
        return new HostDiff(ops);
    }

    private static IEnumerable<RuleEntry> Ordered(IEnumerable<RuleEntry> rules) =>
        rules.OrderBy(r => r.Namespace, StringComparer.Ordinal).ThenBy(r => r.Priority).ThenBy(r => r.From, StringComparer.Ordinal).ThenBy(r => r.Fwmark);

    /// <summary>Flows to forget, in the router that tracked them: an EIP that is gone or points elsewhere (ENI, private IP,
    /// mode, namespace or VPC), and every address routed to an ENI that moved (its private IPs included: the VPC reached them there).</summary>
    private static IEnumerable<FlushConntrack> FlushTargets(HostPlan? before, HostPlan after)
    {
        var flushes = new SortedSet<(string Namespace, string Address)>();
        if (before is null)
            return []; // a host with nothing of ours has no flows of ours
        foreach (var (eip, target) in before.EipTargets)
        {
            if (!after.EipTargets.TryGetValue(eip, out var now) || now != target || now.Router != target.Router)
                flushes.Add((target.Router, eip));
        }
        var routed = before.Routes.Values.Where(r => before.Routers.Contains(r.Namespace) && r.Table == 0 && r.Destination.EndsWith("/32", StringComparison.Ordinal))
            .ToLookup(r => (r.Namespace, r.Device));
        foreach (var link in before.Links.Values.Where(l => !l.IsTransit))
        {
            if (after.Links.TryGetValue(link.EniId, out var now) && now.Namespace == link.Namespace)
                continue;
            foreach (var route in routed[(link.RouterNamespace, link.GatewayName)])
                flushes.Add((link.RouterNamespace, route.Destination[..^"/32".Length]));
        }
        return flushes.Select(f => new FlushConntrack(f.Namespace, f.Address));
    }

    /// <summary>nft commands from one table to the next, in an order the kernel accepts within one transaction: a set exists
    /// before a rule looks it up, a chain before a verdict element jumps to it; an element is deleted before its key is added
    /// again with a new value, a chain is emptied before it is deleted and no longer jumped to, a set is no longer looked up.</summary>
    private static List<string> NftCommands(NftTable before, NftTable after)
    {
        var t = after.Qualified;
        var cmds = new List<string>();
        foreach (var set in after.Sets.Values.Where(s => !before.Sets.ContainsKey(s.Name)))
            cmds.Add($"add {set.Keyword} {t} {set.Name} {{ type {set.Type};{(set.Counter ? " counter;" : "")} }}");
        foreach (var chain in after.Chains.Values.Where(c => !before.Chains.ContainsKey(c.Name)))
            cmds.Add(chain.Hook is null ? $"add chain {t} {chain.Name}" : $"add chain {t} {chain.Name} {{ {chain.Hook} }}");
        foreach (var chain in after.Chains.Values)
        {
            var exists = before.Chains.TryGetValue(chain.Name, out var old);
            if (exists && old!.SameRules(chain))
                continue;
            if (exists)
                cmds.Add($"flush chain {t} {chain.Name}"); // the new rules replace the old ones in the same transaction
            cmds.AddRange(chain.Rules.Select(r => $"add rule {t} {chain.Name} {r}"));
        }
        foreach (var set in before.Sets.Values)
        {
            if (!after.Sets.TryGetValue(set.Name, out var now))
                continue; // deleting the set deletes its elements
            var gone = set.Elements.Where(e => !now.Elements.TryGetValue(e.Key, out var v) || v != e.Value).Select(e => e.Key).ToList();
            if (gone.Count > 0)
                cmds.Add($"delete element {t} {set.Name} {{ {string.Join(", ", gone)} }}");
        }
        foreach (var set in after.Sets.Values)
        {
            before.Sets.TryGetValue(set.Name, out var old);
            var added = set.Elements.Where(e => old is null || !old.Elements.TryGetValue(e.Key, out var v) || v != e.Value)
                .Select(e => NftSet.Element(e.Key, e.Value)).ToList();
            if (added.Count > 0)
                cmds.Add($"add element {t} {set.Name} {{ {string.Join(", ", added)} }}");
        }
        foreach (var chain in before.Chains.Values.Where(c => !after.Chains.ContainsKey(c.Name)))
        {
            cmds.Add($"flush chain {t} {chain.Name}");
            cmds.Add($"delete chain {t} {chain.Name}");
        }
        foreach (var set in before.Sets.Values.Where(s => !after.Sets.ContainsKey(s.Name)))
            cmds.Add($"delete {set.Keyword} {t} {set.Name}");
        return cmds;
    }
}
