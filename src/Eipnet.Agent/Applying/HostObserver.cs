using System.Text.Json;
using Eipnet.Agent.Kernel;
using Eipnet.DataPlane.Linux;
using Eipnet.DataPlane.Linux.Nft;
using Eipnet.DataPlane.Linux.Topology;

namespace Eipnet.Agent.Applying;

/// <summary>Reads what of ours the kernel holds now, as a <see cref="HostPlan"/>, so that start-up and resync are one diff
/// from what is to what should be, whatever a crash or a hand left behind.</summary>
/// <remarks>Ours means: namespaces with our prefix (but the lab's fixed ones, which <see cref="Lab.LabTopology"/> keeps),
/// ENI links by their e/g names, addresses on those links and the gateway's loopback, routes and rules with our protocol
/// number. The nft table is not read: a resync loads it whole. EIP targets are not read either (see docs/dataplane.md).</remarks>
public sealed class HostObserver(CommandRunner run, HostPlanOptions options, IReadOnlySet<string> fixedNamespaces)
{
    public async Task<HostPlan> ObserveAsync(HostPlan desired, CancellationToken ct)
    {
        var gw = options.GatewayNamespace;
        var namespaces = new SortedSet<string>(Namespaces.WithPrefix(options.Prefix).Where(n => !fixedNamespaces.Contains(n)), StringComparer.Ordinal);
        namespaces.Add(gw);
        namespaces.Add(options.ParkingNamespace);
        var routers = new SortedSet<string>(namespaces.Where(n => options.VpcOfRouter(n) is not null), StringComparer.Ordinal);
        var wantedByInside = desired.Links.Values.Where(l => !l.IsTransit).ToDictionary(l => l.Name, StringComparer.Ordinal);

        var links = new SortedDictionary<string, EniLink>(StringComparer.Ordinal);
        var addresses = new HashSet<AddressAssignment>();
        var routes = new SortedDictionary<(string, int, string), RouteEntry>();
        var rules = new HashSet<RuleEntry>();
        var insideEnds = new List<(string Namespace, string Name, string Mac)>();
        var hostEnds = new Dictionary<string, string>(StringComparer.Ordinal); // ENI host end -> the namespace it is in
        var transitEnds = new HashSet<string>(StringComparer.Ordinal); // gateway ends of transit links
        var tunnels = new SortedDictionary<string, TunnelLink>(StringComparer.Ordinal);

        foreach (var ns in namespaces.Where(Namespaces.Exists))
        {
            var router = routers.Contains(ns);
            using var linkJson = JsonDocument.Parse(await run.IpCheckAsync(ns, router ? ["-d", "-j", "addr", "show"] : ["-j", "addr", "show"], ct));
            foreach (var link in linkJson.RootElement.EnumerateArray())
            {
                var name = link.GetProperty("ifname").GetString()!;
                var mac = link.TryGetProperty("address", out var m) ? m.GetString() ?? "" : "";
                bool ours;
                if (router && Tunnel(ns, name, mac, link) is { } tunnel)
                {
                    tunnels[tunnel.Key] = tunnel;
                    continue;
                }
                if (ns == gw || router)
                {
                    // ENI host ends are in routers (and in the gateway of an older layout, to be moved); transit ends in both.
                    ours = name == HostPlan.GatewayLoopback || name.StartsWith(EniNames.GatewayMarker, StringComparison.Ordinal)
                        || (ns == gw ? name.StartsWith('t') : name == HostPlanOptions.TransitName);
                    if (name.StartsWith(EniNames.GatewayMarker, StringComparison.Ordinal))
                        hostEnds[name] = ns;
                    else if (ns == gw && name.StartsWith('t'))
                        transitEnds.Add(name);
                    else if (router && name == HostPlanOptions.TransitName)
                    {
                        var vpcId = options.VpcOfRouter(ns)!;
                        links[EniLink.TransitPrefix + vpcId] = new EniLink(EniLink.TransitPrefix + vpcId, name, HostPlan.TransitGatewayName(vpcId), mac, ns, gw);
                    }
                }
                else
                {
                    ours = name.StartsWith('e');
                    if (ours)
                        insideEnds.Add((ns, name, mac));
                }
                if (!ours || !link.TryGetProperty("addr_info", out var infos))
                    continue;
                foreach (var info in infos.EnumerateArray())
                {
                    if (info.GetProperty("family").GetString() != "inet")
                        continue;
                    var cidr = info.GetProperty("local").GetString() + "/" + info.GetProperty("prefixlen").GetInt32();
                    if (name == HostPlan.GatewayLoopback && cidr.StartsWith("127.", StringComparison.Ordinal))
                        continue;
                    addresses.Add(new AddressAssignment(ns, name, cidr));
                }
            }
            using var routeJson = JsonDocument.Parse(await run.IpCheckAsync(ns, ["-j", "route", "show", "table", "all", "proto", HostApplier.Protocol], ct));
            foreach (var r in routeJson.RootElement.EnumerateArray())
            {
                var dst = r.GetProperty("dst").GetString()!;
                var destination = dst == "default" || dst.Contains('/', StringComparison.Ordinal) ? dst : dst + "/32";
                var table = r.TryGetProperty("table", out var t) && int.TryParse(t.GetString(), out var n) ? n : 0;
                var via = r.TryGetProperty("gateway", out var g) ? g.GetString() : null;
                var route = new RouteEntry(ns, destination, r.GetProperty("dev").GetString()!, via, table);
                routes[route.Key] = route;
            }
            using var ruleJson = JsonDocument.Parse(await run.IpCheckAsync(ns, ["-j", "rule", "show"], ct));
            foreach (var r in ruleJson.RootElement.EnumerateArray())
            {
                if (!r.TryGetProperty("protocol", out var p) || p.GetString() != HostApplier.Protocol)
                    continue;
                var fwmark = r.TryGetProperty("fwmark", out var f) && f.GetString() is { } hex
                    ? uint.Parse(hex.StartsWith("0x", StringComparison.Ordinal) ? hex[2..] : hex, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture)
                    : 0u;
                if (int.TryParse(r.GetProperty("table").GetString(), out var table))
                    rules.Add(new RuleEntry(ns, r.GetProperty("src").GetString()!, table, r.GetProperty("priority").GetInt32(), fwmark));
            }
        }

        foreach (var (ns, name, mac) in insideEnds)
        {
            var id = wantedByInside.TryGetValue(name, out var wanted) ? wanted.EniId : "observed:" + name;
            var hostEnd = EniNames.GatewayMarker + name[1..];
            links[id] = new EniLink(id, name, hostEnd, mac, ns, hostEnds.GetValueOrDefault(hostEnd) ?? wanted?.RouterNamespace ?? gw);
            hostEnds.Remove(hostEnd);
        }
        // A host end whose inside end we did not find (its namespace is not ours any more), or a transit end whose router is
        // gone: a link to delete, unless the plan wants it, whose creation then replaces it.
        foreach (var (end, ns) in hostEnds)
            links["observed:" + end] = new EniLink("observed:" + end, "e" + end[1..], end, "", ns, ns);
        foreach (var end in transitEnds.Where(e => links.Values.All(l => l.GatewayName != e || !l.IsTransit)))
            links["observed:" + end] = new EniLink("observed:" + end, HostPlanOptions.TransitName, end, "", gw, gw);

        return new HostPlan(0, namespaces, routers, links, addresses, routes, rules, new Dictionary<string, EipTarget>(), new Dictionary<string, NftTable>())
        {
            Tunnels = tunnels,
        };
    }

    // A VXLAN device in a router is one of ours. Its peers are not read: the diff adds them all again (a replace), and one
    // left over from a host that is gone only points to where nothing is routed.
    private static TunnelLink? Tunnel(string ns, string name, string mac, JsonElement link)
    {
        if (!link.TryGetProperty("linkinfo", out var info) || !info.TryGetProperty("info_kind", out var kind) || kind.GetString() != "vxlan")
            return null;
        var data = info.TryGetProperty("info_data", out var d) ? d : default;
        var vni = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("id", out var id) ? id.GetInt32() : 0;
        return new TunnelLink(ns, name, vni, mac);
    }
}
