using Eipnet.DataPlane.Linux;
using Eipnet.Domain.Addressing;
using Eipnet.Domain.Associations;
using Eipnet.Domain.Resources;
using Eipnet.Domain.SecurityGroups;

namespace Eipnet.DataPlane.Trace;

/// <summary>Explains, from the intent alone, what the Linux data plane does with a packet (the same rules as
/// <see cref="HostPlan"/>: anti-spoofing, NAT maps, untranslated routes, cut-through's missing private networking,
/// stateful security groups by priority). Pure: the differential test checks it against real packets in the lab.</summary>
public static class PacketTracer
{
    /// <summary>Ports of protocols NAT mode breaks (the seed: no application-layer gateway for them).</summary>
    private static readonly Dictionary<int, string> AlgPorts = new()
    {
        [5060] = "SIP", [5061] = "SIP", [1719] = "H.323", [1720] = "H.323", [554] = "RTSP", [53] = "DNS", [69] = "TFTP", [21] = "FTP",
    };

    public static TraceResult Trace(DesiredState state, TracePacket packet)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(packet);
        var steps = new List<TraceStep>();
        var warnings = new List<string>();
        var active = state.Eips.Values.Where(e => e.Association is not null && e.Status is EipStatus.Associating or EipStatus.InUse).ToList();
        var eipsByEni = active.ToLookup(e => e.Association!.NetworkInterfaceId);
        var attached = state.NetworkInterfaces.Values.Where(n => n.InstanceId is not null && n.Status is EniStatus.Attaching or EniStatus.InUse).ToList();
        string? eipAddress = null, mode = null, eniId = null, instanceId = null, ruleId = null;
        // The source the receiving ENI's inbound rules see: the sender, or the EIP it left its VPC as.
        var ingressPeer = packet.From;
        // The source the receiving guest sees.
        var arrivesFrom = packet.From;

        TraceResult Result(string verdict, string stage, string detail)
        {
            steps.Add(new TraceStep(stage, detail));
            return new TraceResult(packet, verdict, steps, warnings, eipAddress, mode, eniId, instanceId, ruleId);
        }

        // 1. Who sends: an ENI (by one of its own addresses) or the internet.
        var sender = attached.FirstOrDefault(n => Own(n, eipsByEni[n.NetworkInterfaceId]).Contains(packet.From));
        if (sender is null && attached.Any(n => n.PrivateIpAddresses.Contains(packet.From)))
            return Result(TraceResult.Dropped, "source", $"{packet.From} is the private IP of a cut-through ENI, which no longer sends from it (anti-spoofing drops it).");
        steps.Add(new TraceStep("source", sender is null
            ? $"{packet.From} is not an address of any ENI: the packet comes from the internet."
            : $"{packet.From} is an address of {sender.NetworkInterfaceId} on {sender.InstanceId}; anti-spoofing lets it pass."));

        // 2. Where it goes.
        var eip = active.FirstOrDefault(e => e.IpAddress == packet.To);
        NetworkInterface? target;
        if (eip is not null)
        {
            var a = eip.Association!;
            eipAddress = eip.IpAddress;
            mode = a.Mode.ToWire();
            eniId = a.NetworkInterfaceId;
            target = state.NetworkInterfaces.GetValueOrDefault(a.NetworkInterfaceId);
            steps.Add(new TraceStep("eip", $"{eip.IpAddress} is {eip.AllocationId}, associated in {a.Mode.ToWire()} mode with {a.NetworkInterfaceId}."));
            if (sender is not null)
            {
                // From an ENI: within its VPC's router (hairpin), or out through the gateway like any internet source.
                var sameVpc = target is not null && target.VpcId == sender.VpcId;
                var senderEips = eipsByEni[sender.NetworkInterfaceId].ToList();
                string? publicSource = ModeOf(senderEips) == AssociationMode.Nat
                    ? senderEips.FirstOrDefault(e => e.Association!.PrivateIpAddress == packet.From)?.IpAddress
                    : senderEips.FirstOrDefault(e => e.IpAddress == packet.From)?.IpAddress;
                if (sameVpc && a.Mode == AssociationMode.Binded)
                    return Result(TraceResult.Dropped, "route", $"{eip.IpAddress} is routed to {a.NetworkInterfaceId} inside the VPC, but a cut-through ENI talks to the internet only.");
                if (!sameVpc && publicSource is null)
                    return Result(TraceResult.Dropped, "route", $"{eip.IpAddress} is reached through the gateway, and {packet.From} has no EIP: a private source does not leave its VPC (the gateway drops it).");
                var seen = sameVpc && a.Mode == AssociationMode.Nat
                    ? publicSource ?? VSwitchGateway(state, sender)
                    : sameVpc ? packet.From : publicSource!;
                var senderEgress = Evaluate(state, sender, "egress", a.Mode == AssociationMode.Nat && sameVpc ? a.PrivateIpAddress : eip.IpAddress, packet);
                if (senderEgress.Dropped)
                {
                    ruleId = senderEgress.Rule?.SecurityGroupRuleId;
                    return Result(TraceResult.Dropped, "security-group", senderEgress.Why);
                }
                steps.Add(new TraceStep("security-group", senderEgress.Why));
                steps.Add(new TraceStep("route", sameVpc
                    ? $"{eip.IpAddress} is an EIP of the sender's own VPC: its router handles it (hairpin)" + (a.Mode == AssociationMode.Nat ? $"; the answer goes back through the router, which shows the sender as {seen}." : ".")
                    : $"{eip.IpAddress} is reached through the gateway; the packet leaves as {seen}."));
                if (!sameVpc)
                    ingressPeer = seen;
                arrivesFrom = seen;
            }
            if (a.Mode == AssociationMode.Nat)
            {
                steps.Add(new TraceStep("translation", $"NAT: destination {eip.IpAddress} -> {a.PrivateIpAddress}; the source "
                    + (arrivesFrom == packet.From ? $"stays {packet.From}." : $"{packet.From} arrives as {arrivesFrom}.")));
                if (packet.Port is { } p && AlgPorts.TryGetValue(p, out var protocol))
                    warnings.Add($"Port {p} is {protocol}: NAT mode has no application-layer gateway, so {protocol} breaks when its payload carries addresses; use cut-through or multi-EIP mode.");
            }
            else
            {
                steps.Add(new TraceStep("translation", "none: the EIP is routed to the ENI untranslated."));
                if (a.Mode == AssociationMode.MultiBinded)
                    warnings.Add($"Multi-EIP mode: the guest must have configured {eip.IpAddress} (DescribeEipGatewayInfo) on the ENI to answer.");
            }
            if (target is null || target.InstanceId is null || target.Status is not (EniStatus.Attaching or EniStatus.InUse))
                return Result(TraceResult.Dropped, "route", $"{a.NetworkInterfaceId} is attached to no instance: nothing receives the packet.");
        }
        else
        {
            target = attached.FirstOrDefault(n => n.PrivateIpAddresses.Contains(packet.To));
            if (target is null)
            {
                if (sender is null)
                    return Result(TraceResult.Dropped, "route", $"{packet.To} is neither an associated EIP nor an address the gateway routes.");
                return Outbound(state, sender, eipsByEni[sender.NetworkInterfaceId].ToList(), packet, steps, warnings);
            }
            if (sender is null)
                return Result(TraceResult.Dropped, "route", $"{packet.To} is a private IP: the internet reaches it only through an EIP.");
            if (ModeOf(eipsByEni[target.NetworkInterfaceId]) == AssociationMode.Binded)
            {
                eniId = target.NetworkInterfaceId;
                return Result(TraceResult.Dropped, "route", $"{packet.To} belongs to {target.NetworkInterfaceId}, whose EIP is in cut-through mode: the ENI has no private networking any more, its private IP is unreachable.");
            }
            if (ModeOf(eipsByEni[sender.NetworkInterfaceId]) == AssociationMode.Binded)
                return Result(TraceResult.Dropped, "route", $"{sender.NetworkInterfaceId} is in cut-through mode: it reaches the internet only.");
            if (sender.InstanceId == target.InstanceId)
            {
                eniId = target.NetworkInterfaceId;
                instanceId = target.InstanceId;
                return Result(TraceResult.Delivered, "route", $"{packet.From} and {packet.To} are both addresses of {target.InstanceId}: the packet never leaves the instance, no security group applies.");
            }
            if (sender.VpcId != target.VpcId)
                return Result(TraceResult.Dropped, "route", $"{packet.To} is in {target.VpcId} and {packet.From} in {sender.VpcId}: VPCs are isolated from each other.");
            steps.Add(new TraceStep("route", $"{packet.To} is a private IP of {target.NetworkInterfaceId}: routed inside the VPC."));
            var egress = Evaluate(state, sender, "egress", packet.To, packet);
            if (egress.Dropped)
            {
                ruleId = egress.Rule?.SecurityGroupRuleId;
                return Result(TraceResult.Dropped, "security-group", egress.Why);
            }
            steps.Add(new TraceStep("security-group", egress.Why));
        }
        eniId = target.NetworkInterfaceId;
        instanceId = target.InstanceId;
        steps.Add(new TraceStep("target", $"{target.NetworkInterfaceId} on instance {target.InstanceId}."));

        // 3. The receiving ENI's groups decide (inbound).
        var ingress = Evaluate(state, target, "ingress", ingressPeer, packet);
        ruleId = ingress.Rule?.SecurityGroupRuleId;
        if (ingress.Dropped)
            return Result(TraceResult.Dropped, "security-group", ingress.Why);
        return Result(TraceResult.Delivered, "security-group", ingress.Why);
    }

    private static TraceResult Outbound(DesiredState state, NetworkInterface sender, List<Eip> eips, TracePacket packet, List<TraceStep> steps, List<string> warnings)
    {
        var egress = Evaluate(state, sender, "egress", packet.To, packet);
        var mode = ModeOf(eips);
        var eip = mode == AssociationMode.Nat ? eips.FirstOrDefault(e => e.Association!.PrivateIpAddress == packet.From) : eips.FirstOrDefault(e => e.IpAddress == packet.From);
        TraceResult Done(string verdict, string stage, string detail)
        {
            steps.Add(new TraceStep(stage, detail));
            return new TraceResult(packet, verdict, steps, warnings, eip?.IpAddress, eip?.Association?.Mode.ToWire(), sender.NetworkInterfaceId, sender.InstanceId,
                egress.Rule?.SecurityGroupRuleId);
        }
        if (egress.Dropped)
            return Done(TraceResult.Dropped, "security-group", egress.Why);
        steps.Add(new TraceStep("security-group", egress.Why));
        if (eip is null)
            return Done(TraceResult.Dropped, "translation", $"{packet.From} has no EIP: the packet leaves with a private source and no reply can come back.");
        return Done(TraceResult.Delivered, "translation", mode == AssociationMode.Nat
            ? $"NAT: source {packet.From} -> {eip.IpAddress}; leaves to the internet."
            : $"none: {eip.IpAddress} leaves untranslated to the internet.");
    }

    private sealed record Decision(bool Dropped, SecurityGroupRule? Rule, string Why);

    /// <summary>The gateway address of the ENI's vSwitch (what a hairpinned packet from an ENI without a NAT EIP comes from).</summary>
    private static string VSwitchGateway(DesiredState state, NetworkInterface eni) =>
        state.VSwitches.TryGetValue(eni.VSwitchId, out var v) && Ipv4Cidr.TryParse(v.CidrBlock, out var cidr)
            ? Ipv4Cidr.Format(VSwitchAddressing.Gateway(cidr.Value))
            : "its vSwitch's gateway address";

    /// <summary>The ENI's groups for one direction: rules by priority (drop first on a tie), then, inbound only, members of
    /// the ENI's groups, then the default (inbound drop, outbound accept).</summary>
    private static Decision Evaluate(DesiredState state, NetworkInterface eni, string direction, string peer, TracePacket packet)
    {
        var groups = eni.SecurityGroupIds.Distinct().Select(id => state.SecurityGroups.GetValueOrDefault(id)).OfType<SecurityGroup>().ToList();
        var rules = groups.SelectMany(g => g.Rules.Select(r => (Group: g.SecurityGroupId, Rule: r))).Where(x => x.Rule.Direction == direction)
            .OrderBy(x => x.Rule.Priority).ThenBy(x => x.Rule.Policy == RuleValues.Drop ? 0 : 1).ThenBy(x => x.Rule.SecurityGroupRuleId, StringComparer.Ordinal);
        foreach (var (groupId, rule) in rules)
        {
            if (!Matches(state, rule, peer, packet))
                continue;
            var drop = rule.Policy == RuleValues.Drop;
            var what = direction == "ingress" ? "inbound" : "outbound";
            return new Decision(drop, rule, $"{what} rule {rule.SecurityGroupRuleId} of {groupId} ({rule.IpProtocol} {rule.PortRange} {(string.IsNullOrEmpty(rule.PeerGroupId) ? rule.PeerCidr : rule.PeerGroupId)}, priority {rule.Priority}) {(drop ? "drops" : "accepts")} it.");
        }
        if (direction == "egress")
            return new Decision(false, null, "outbound: no rule matches; outbound is allowed by default.");
        var member = groups.FirstOrDefault(g => Members(state, g.SecurityGroupId).Contains(peer));
        return member is not null
            ? new Decision(false, null, $"inbound: {peer} is a member of {member.SecurityGroupId}, and members of a group reach each other.")
            : new Decision(true, null, $"inbound: no rule of {string.Join(", ", eni.SecurityGroupIds)} allows it; inbound is denied by default.");
    }

    private static bool Matches(DesiredState state, SecurityGroupRule rule, string peer, TracePacket packet)
    {
        if (rule.IpProtocol != "ALL" && !string.Equals(rule.IpProtocol, packet.Protocol, StringComparison.OrdinalIgnoreCase))
            return false;
        if (rule.IpProtocol is "TCP" or "UDP" && rule.PortRange is not "1/65535" and not RuleValues.NoPorts && packet.Port is { } port)
        {
            var slash = rule.PortRange.IndexOf('/', StringComparison.Ordinal);
            if (port < int.Parse(rule.PortRange[..slash], System.Globalization.CultureInfo.InvariantCulture) || port > int.Parse(rule.PortRange[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture))
                return false;
        }
        if (!string.IsNullOrEmpty(rule.PeerGroupId))
            return Members(state, rule.PeerGroupId).Contains(peer);
        if (string.IsNullOrEmpty(rule.PeerCidr) || rule.PeerCidr == "0.0.0.0/0")
            return true;
        return Ipv4Cidr.TryParse(rule.PeerCidr, out var cidr) && Ipv4Cidr.TryParseAddress(peer, out var address) && cidr.Value.Contains(address);
    }

    /// <summary>The addresses members of a group send from (HostPlan's members set).</summary>
    private static HashSet<string> Members(DesiredState state, string groupId)
    {
        var active = state.Eips.Values.Where(e => e.Association is not null && e.Status is EipStatus.Associating or EipStatus.InUse).ToLookup(e => e.Association!.NetworkInterfaceId);
        return state.NetworkInterfaces.Values.Where(n => n.SecurityGroupIds.Contains(groupId))
            .SelectMany(n => Own(n, active[n.NetworkInterfaceId])).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The addresses an ENI may send from: as <see cref="HostPlan"/> renders eni_src.</summary>
    private static IReadOnlyList<string> Own(NetworkInterface eni, IEnumerable<Eip> eips)
    {
        var list = eips.ToList();
        return ModeOf(list) switch
        {
            AssociationMode.Binded => list.Select(e => e.IpAddress).ToList(),
            AssociationMode.MultiBinded => eni.PrivateIpAddresses.Concat(list.Select(e => e.IpAddress)).ToList(),
            _ => eni.PrivateIpAddresses.ToList(),
        };
    }

    private static AssociationMode ModeOf(IEnumerable<Eip> eips) => eips.FirstOrDefault()?.Association?.Mode ?? AssociationMode.Nat;
}
