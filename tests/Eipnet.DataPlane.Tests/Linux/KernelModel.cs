using Eipnet.DataPlane.Linux;
using Eipnet.DataPlane.Linux.Ops;
using Eipnet.DataPlane.Linux.Topology;

namespace Eipnet.DataPlane.Tests.Linux;

/// <summary>What the kernel would hold after a sequence of <see cref="HostDiff"/>s, as the kernel keeps it: namespaces, veth
/// pairs (deleting or moving one end takes the addresses and routes on it), addresses, routes, rules and each namespace's nft
/// table, changed command by command. Strict where the kernel is: a link into a missing namespace, an element added twice
/// or deleted when absent, a chain deleted while it has rules, is a failure.</summary>
internal sealed class KernelModel(HostPlanOptions o)
{
    private readonly HashSet<string> namespaces = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Ns, string Name), (string Ns, string Name)> peers = [];
    private readonly Dictionary<(string Ns, string Name), string> macs = [];
    private readonly HashSet<AddressAssignment> addresses = [];
    private readonly Dictionary<(string, int, string), RouteEntry> routes = [];
    private readonly HashSet<RuleEntry> rules = [];
    private readonly Dictionary<string, Table> tables = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Ns, string Name), TunnelLink> tunnels = [];
    private readonly Dictionary<(string Ns, string Device, string Address), TunnelPeer> tunnelPeers = [];

    private sealed class Table
    {
        public Dictionary<string, (string Keyword, string Type, Dictionary<string, string?> Elements)> Sets { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, (string? Hook, List<string> Rules)> Chains { get; } = new(StringComparer.Ordinal);
    }

    public void Apply(HostDiff diff)
    {
        foreach (var op in diff.Operations)
            Apply(op);
    }

    private void Apply(HostOp op)
    {
        switch (op)
        {
            case CreateNamespace c:
                Check(namespaces.Add(c.Name), op);
                break;
            case DeleteNamespace d:
                Check(namespaces.Remove(d.Name), op);
                foreach (var device in peers.Keys.Where(k => k.Ns == d.Name).ToList())
                    DropLink(device);
                foreach (var tunnel in tunnels.Keys.Where(k => k.Ns == d.Name).ToList())
                    DropTunnel(tunnel);
                addresses.RemoveWhere(a => a.Namespace == d.Name);
                foreach (var key in routes.Keys.Where(k => k.Item1 == d.Name).ToList())
                    routes.Remove(key);
                rules.RemoveWhere(r => r.Namespace == d.Name);
                tables.Remove(d.Name);
                break;
            case CreateEniLink l:
                Check(namespaces.Contains(l.GatewayNamespace) && namespaces.Contains(l.Namespace), op);
                Check(!peers.ContainsKey((l.GatewayNamespace, l.GatewayName)) && !peers.ContainsKey((l.Namespace, l.Name)), op);
                peers[(l.GatewayNamespace, l.GatewayName)] = (l.Namespace, l.Name);
                peers[(l.Namespace, l.Name)] = (l.GatewayNamespace, l.GatewayName);
                macs[(l.Namespace, l.Name)] = l.MacAddress;
                break;
            case MoveLink m:
            {
                Check(namespaces.Contains(m.To) && peers.TryGetValue((m.From, m.Name), out var peer), op);
                var p = peers[(m.From, m.Name)];
                DropOn((m.From, m.Name));
                peers.Remove((m.From, m.Name));
                peers[(m.To, m.Name)] = p;
                peers[p] = (m.To, m.Name);
                if (macs.Remove((m.From, m.Name), out var mac))
                    macs[(m.To, m.Name)] = mac;
                break;
            }
            case DeleteEniLink d:
                Check(peers.ContainsKey((d.GatewayNamespace, d.GatewayName)), op);
                DropLink((d.GatewayNamespace, d.GatewayName));
                break;
            case AddAddress a:
                Check(Exists(a.Address.Namespace, a.Address.Device), op);
                addresses.Add(a.Address);
                break;
            case DeleteAddress a:
                Check(addresses.Remove(a.Address), op);
                break;
            case ReplaceRoute r:
                Check(Exists(r.Route.Namespace, r.Route.Device), op);
                routes[r.Route.Key] = r.Route;
                break;
            case DeleteRoute r:
                Check(routes.Remove((r.Namespace, r.Table, r.Destination)), op);
                break;
            case AddRule r:
                Check(namespaces.Contains(r.Rule.Namespace), op);
                rules.Add(r.Rule);
                break;
            case DeleteRule r:
                Check(rules.Remove(r.Rule), op);
                break;
            case NftTransaction t:
                Check(namespaces.Contains(t.Namespace), op);
                foreach (var command in t.Commands)
                    Nft(t.Namespace, command);
                break;
            case FlushConntrack f:
                Check(namespaces.Contains(f.Namespace), op);
                break;
            case CreateTunnel c:
                Check(namespaces.Contains(c.Tunnel.Namespace) && !tunnels.ContainsKey((c.Tunnel.Namespace, c.Tunnel.Name)), op);
                tunnels[(c.Tunnel.Namespace, c.Tunnel.Name)] = c.Tunnel;
                break;
            case DeleteTunnel d:
                Check(tunnels.ContainsKey((d.Namespace, d.Name)), op);
                DropTunnel((d.Namespace, d.Name));
                break;
            case AddTunnelPeer a:
                Check(tunnels.ContainsKey((a.Peer.Namespace, a.Peer.Device)), op);
                tunnelPeers[(a.Peer.Namespace, a.Peer.Device, a.Peer.Address)] = a.Peer; // a replace
                break;
            case DeleteTunnelPeer d:
                Check(tunnelPeers.Remove((d.Peer.Namespace, d.Peer.Device, d.Peer.Address)), op);
                break;
            default:
                throw new InvalidOperationException($"unknown operation {op}");
        }
    }

    /// <summary>Fails unless the model holds exactly what <paramref name="plan"/> describes.</summary>
    public void AssertMatches(HostPlan plan, string when)
    {
        Assert.True(namespaces.SetEquals(plan.Namespaces), $"{when}: namespaces differ: {string.Join(' ', namespaces.Order())} vs {string.Join(' ', plan.Namespaces)}");
        var devices = plan.Links.Values.SelectMany(l => new[] { (l.Namespace, l.Name), (l.RouterNamespace, l.GatewayName) }).ToHashSet();
        Assert.True(devices.SetEquals(peers.Keys), $"{when}: links differ");
        foreach (var link in plan.Links.Values)
            Assert.Equal(link.MacAddress, macs[(link.Namespace, link.Name)]);
        Assert.True(addresses.SetEquals(plan.Addresses), $"{when}: addresses differ: {string.Join(", ", addresses.Except(plan.Addresses))} / {string.Join(", ", plan.Addresses.Except(addresses))}");
        Assert.True(routes.Values.ToHashSet().SetEquals(plan.Routes.Values), $"{when}: routes differ");
        Assert.True(rules.SetEquals(plan.Rules), $"{when}: rules differ");
        Assert.True(tunnels.Values.ToHashSet().SetEquals(plan.Tunnels.Values), $"{when}: tunnels differ");
        Assert.True(tunnelPeers.Values.ToHashSet().SetEquals(plan.TunnelPeers), $"{when}: tunnel peers differ");
        Assert.Equal(plan.Tables.Keys.Order(StringComparer.Ordinal), tables.Keys.Order(StringComparer.Ordinal));
        foreach (var (ns, want) in plan.Tables)
        {
            var have = tables[ns];
            Assert.Equal(want.Sets.Keys.Order(StringComparer.Ordinal), have.Sets.Keys.Order(StringComparer.Ordinal));
            foreach (var set in want.Sets.Values)
            {
                var (keyword, type, elements) = have.Sets[set.Name];
                Assert.Equal((set.Keyword, set.Type), (keyword, type));
                Assert.True(elements.Count == set.Elements.Count && set.Elements.All(e => elements.TryGetValue(e.Key, out var v) && v == e.Value),
                    $"{when}: {ns} {set.Name} differs");
            }
            Assert.Equal(want.Chains.Keys.Order(StringComparer.Ordinal), have.Chains.Keys.Order(StringComparer.Ordinal));
            foreach (var chain in want.Chains.Values)
            {
                Assert.Equal(chain.Hook, have.Chains[chain.Name].Hook);
                Assert.Equal(chain.Rules, have.Chains[chain.Name].Rules);
            }
        }
    }

    private bool Exists(string ns, string device) =>
        namespaces.Contains(ns) && (device == HostPlan.GatewayLoopback || peers.ContainsKey((ns, device)) || tunnels.ContainsKey((ns, device))
            || (ns == o.GatewayNamespace && device == o.UplinkName));

    private void DropTunnel((string Ns, string Name) device)
    {
        tunnels.Remove(device);
        foreach (var key in tunnelPeers.Keys.Where(k => k.Ns == device.Ns && k.Device == device.Name).ToList())
            tunnelPeers.Remove(key);
        DropOn(device);
    }

    private void DropLink((string Ns, string Name) end)
    {
        var other = peers[end];
        foreach (var device in new[] { end, other })
        {
            DropOn(device);
            peers.Remove(device);
            macs.Remove(device);
        }
    }

    /// <summary>The kernel drops a device's addresses and routes when it leaves its namespace or goes.</summary>
    private void DropOn((string Ns, string Name) device)
    {
        addresses.RemoveWhere(a => a.Namespace == device.Ns && a.Device == device.Name);
        foreach (var key in routes.Where(r => r.Value.Namespace == device.Ns && r.Value.Device == device.Name).Select(r => r.Key).ToList())
            routes.Remove(key);
    }

    private void Nft(string ns, string command)
    {
        var t = $"ip {o.TableName}";
        if (command.StartsWith($"add table {t}\n", StringComparison.Ordinal))
        {
            tables[ns] = Parse(command);
            return;
        }
        Assert.True(tables.TryGetValue(ns, out var table), $"no table in {ns} for: {command}");
        string After(string verb) => command[(verb.Length + t.Length + 2)..];
        if (command.StartsWith("add element ", StringComparison.Ordinal) || command.StartsWith("delete element ", StringComparison.Ordinal))
        {
            var adding = command.StartsWith("add", StringComparison.Ordinal);
            var rest = After(adding ? "add element" : "delete element");
            var name = rest[..rest.IndexOf(' ', StringComparison.Ordinal)];
            var list = rest[(name.Length + 3)..^2];
            var elements = table.Sets[name].Elements;
            foreach (var element in list.Split(", "))
            {
                var (key, value) = Element(element);
                if (adding)
                    Assert.True(elements.TryAdd(key, value), $"{ns}: {name} already has {key}");
                else
                    Assert.True(elements.Remove(key), $"{ns}: {name} has no {key} to delete");
            }
        }
        else if (command.StartsWith("add set ", StringComparison.Ordinal) || command.StartsWith("add map ", StringComparison.Ordinal))
        {
            var keyword = command[4..7];
            var rest = After("add " + keyword);
            var name = rest[..rest.IndexOf(' ', StringComparison.Ordinal)];
            var type = rest[(name.Length + "{ type ".Length + 1)..^3].Replace("; counter", "", StringComparison.Ordinal);
            Assert.True(table.Sets.TryAdd(name, (keyword, type, new Dictionary<string, string?>(StringComparer.Ordinal))), $"{ns}: set {name} exists");
        }
        else if (command.StartsWith("add chain ", StringComparison.Ordinal))
        {
            var rest = After("add chain");
            var space = rest.IndexOf(' ', StringComparison.Ordinal);
            var name = space < 0 ? rest : rest[..space];
            var hook = space < 0 ? null : rest[(space + 3)..^2];
            Assert.True(table.Chains.TryAdd(name, (hook, [])), $"{ns}: chain {name} exists");
        }
        else if (command.StartsWith("add rule ", StringComparison.Ordinal))
        {
            var rest = After("add rule");
            var name = rest[..rest.IndexOf(' ', StringComparison.Ordinal)];
            table.Chains[name].Rules.Add(rest[(name.Length + 1)..]);
        }
        else if (command.StartsWith("flush chain ", StringComparison.Ordinal))
            table.Chains[After("flush chain")].Rules.Clear();
        else if (command.StartsWith("delete chain ", StringComparison.Ordinal))
        {
            var name = After("delete chain");
            Assert.Empty(table.Chains[name].Rules);
            table.Chains.Remove(name);
        }
        else if (command.StartsWith("delete set ", StringComparison.Ordinal) || command.StartsWith("delete map ", StringComparison.Ordinal))
            Assert.True(table.Sets.Remove(After(command[..10])), $"{ns}: no set for {command}");
        else
            throw new InvalidOperationException($"unknown nft command: {command}");
    }

    /// <summary>A table as <see cref="Nft.NftTable.RenderLoad"/> writes it.</summary>
    private static Table Parse(string text)
    {
        var table = new Table();
        var lines = text.Split('\n');
        for (var i = 3; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("\tset ", StringComparison.Ordinal) || line.StartsWith("\tmap ", StringComparison.Ordinal))
            {
                var keyword = line[1..4];
                var name = line[5..^2];
                var type = lines[++i].Trim()["type ".Length..];
                if (lines[i + 1].Trim() == "counter")
                    i++; // per-element counters: the elements are what the model compares
                var elements = new Dictionary<string, string?>(StringComparer.Ordinal);
                if (lines[i + 1].Trim() == "elements = {")
                {
                    i++;
                    while (lines[++i].Trim() != "}")
                    {
                        var (key, value) = Element(lines[i].Trim().TrimEnd(','));
                        elements[key] = value;
                    }
                }
                i++; // the set's closing brace
                table.Sets[name] = (keyword, type, elements);
            }
            else if (line.StartsWith("\tchain ", StringComparison.Ordinal))
            {
                var name = line[7..^2];
                string? hook = null;
                var rules = new List<string>();
                while (lines[++i] != "\t}")
                {
                    var body = lines[i].Trim();
                    if (hook is null && rules.Count == 0 && body.StartsWith("type ", StringComparison.Ordinal))
                        hook = body;
                    else
                        rules.Add(body);
                }
                table.Chains[name] = (hook, rules);
            }
        }
        return table;
    }

    private static (string Key, string? Value) Element(string text)
    {
        var colon = text.IndexOf(" : ", StringComparison.Ordinal);
        return colon < 0 ? (text, null) : (text[..colon], text[(colon + 3)..]);
    }

    private static void Check(bool ok, HostOp op) => Assert.True(ok, $"the kernel would refuse: {op}");
}
