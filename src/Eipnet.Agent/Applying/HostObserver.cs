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
        var byInsideName = desired.Links.Values.ToDictionary(l => l.Name, StringComparer.Ordinal);

        var links = new SortedDictionary<string, EniLink>(StringComparer.Ordinal);
        var addresses = new HashSet<AddressAssignment>();
        var routes = new SortedDictionary<(string, int, string), RouteEntry>();
        var rules = new HashSet<RuleEntry>();
        var gatewayEnds = new HashSet<string>(StringComparer.Ordinal);

        foreach (var ns in namespaces.Where(Namespaces.Exists))
        {
            using var linkJson = JsonDocument.Parse(await run.IpCheckAsync(ns, ["-j", "addr", "show"], ct));
            foreach (var link in linkJson.RootElement.EnumerateArray())
            {
                var name = link.GetProperty("ifname").GetString()!;
                var ours = ns == gw ? name.StartsWith(EniNames.GatewayMarker, StringComparison.Ordinal) || name == HostPlan.GatewayLoopback : name.StartsWith('e');
                if (!ours)
                    continue;
                if (ns == gw && name != HostPlan.GatewayLoopback)
                    gatewayEnds.Add(name);
                if (ns != gw)
                {
                    var mac = link.GetProperty("address").GetString()!;
                    var id = byInsideName.TryGetValue(name, out var wanted) ? wanted.EniId : "observed:" + name;
                    links[id] = new EniLink(id, name, EniNames.GatewayMarker + name[1..], mac, ns);
                }
                if (!link.TryGetProperty("addr_info", out var infos))
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
                if (int.TryParse(r.GetProperty("table").GetString(), out var table))
                    rules.Add(new RuleEntry(ns, r.GetProperty("src").GetString()!, table, r.GetProperty("priority").GetInt32()));
            }
        }

        // A gateway end whose inside end we did not find (its namespace is not ours any more): a link to delete, unless the
        // plan wants that ENI, whose creation then replaces it.
        foreach (var end in gatewayEnds.Where(e => links.Values.All(l => l.GatewayName != e) && desired.Links.Values.All(l => l.GatewayName != e)))
            links["observed:" + end] = new EniLink("observed:" + end, "e" + end[1..], end, "", gw);

        var emptyTable = new NftTable("ip", options.TableName, new Dictionary<string, NftSet>(), new Dictionary<string, NftChain>());
        return new HostPlan(0, namespaces, links, addresses, routes, rules, new Dictionary<string, EipTarget>(), emptyTable);
    }
}
