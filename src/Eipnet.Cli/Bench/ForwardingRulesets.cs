using System.Text;
using Eipnet.DataPlane;
using Eipnet.DataPlane.Linux;
using Eipnet.Domain.Addressing;
using Eipnet.Domain.Associations;
using Eipnet.Domain.Hosts;
using Eipnet.Domain.Resources;
using Eipnet.Domain.SecurityGroups;

namespace Eipnet.Cli.Bench;

/// <summary>The gateway rulesets the forwarding benchmark compares, for a number of EIPs of which the measured one
/// (<see cref="ForwardingTopology.MeasuredEip"/> to <see cref="ForwardingTopology.InstanceAddress"/>) is one. Pure.</summary>
/// <remarks>Filler EIPs are keys of the maps and chains only, never assigned or sent to. 100,000 of them do not fit the
/// documentation ranges (3 x /24), so they come from 100.64.0.0/10 (RFC 6598 shared address space, not public) and
/// translate to 10.1.0.0 upwards, which no interface of the benchmark holds.</remarks>
internal static class ForwardingRulesets
{
    public const string MeasuredEniId = "eni-benchmeasured0001";
    public const string SecurityGroupId = "sg-bench";

    /// <summary>The ports the measured ENI's security group lets in: iperf3 (TCP control and data, UDP) and the
    /// connection-rate server.</summary>
    public const int IperfPort = 5201, ConnectionPort = 5202;

    private const string AccountId = "acc-bench", RegionId = "cn-hangzhou", ZoneId = "cn-hangzhou-b", VpcId = "vpc-bench";
    private const string VSwitchId = "vsw-bench", FillerGroupId = "sg-filler";
    private const int IpsPerFillerEni = 100;
    private const uint FillerEipBase = 0x64400001, FillerPrivateBase = 0x0A010001; // 100.64.0.1, 10.1.0.1
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string FillerEip(int i) => Ipv4Cidr.Format(FillerEipBase + (uint)i);

    public static string FillerPrivate(int i) => Ipv4Cidr.Format(FillerPrivateBase + (uint)i);

    /// <summary>The VPC router's nft table for <paramref name="eips"/> NAT EIPs, rendered by the product's planner
    /// (<see cref="HostPlan.For"/>) as the agent loads it at start-up: one <c>nft -f</c> transaction.</summary>
    public static string EipnetTable(int eips) => EipnetTables(eips).Router;

    /// <summary>The VPC router's and the gateway's nft tables for <paramref name="eips"/> NAT EIPs.</summary>
    public static (string Router, string Gateway) EipnetTables(int eips)
    {
        var state = new DesiredState();
        state.Apply(Desired(eips));
        var plan = HostPlan.For(state, HostPlanOptions.Default);
        return (plan.Tables[HostPlanOptions.Default.RouterNamespace(VpcId)].RenderLoad(), plan.Tables[HostPlanOptions.Default.GatewayNamespace].RenderLoad());
    }

    /// <summary>The VPC of every benchmark ENI: its router's transit link in the gateway, its mark and its table.</summary>
    public const string BenchVpcId = VpcId;

    /// <summary>The VPC of the across-hosts path: another VPC, so that its transit link, mark and table in the shared gateway
    /// namespace are its own; the same ENI, addresses, EIP and security groups as <see cref="BenchVpcId"/>'s.</summary>
    public const string HostsVpcId = "vpc-benchhosts";

    /// <summary>The two hosts of the across-hosts path, with their underlay addresses.</summary>
    public static readonly HostNode GatewayHost = new("g1", 1, HostRoles.Gateway, ForwardingTopology.GatewayUnderlayAddress);

    public static readonly HostNode ComputeHost = new("c1", 2, HostRoles.Compute, ForwardingTopology.ComputeUnderlayAddress);

    /// <summary>The same intent (in <see cref="HostsVpcId"/>, the instances on c1) with the hosts g1 and c1 registered,
    /// planned by each host as its agent plans it: <see cref="HostPlan.For"/> with its host name.</summary>
    public static (HostPlan Gateway, HostPlan Compute) HostPlans(int eips)
    {
        var state = new DesiredState();
        state.Apply(Desired(eips, HostsVpcId, ComputeHost.Name) with { Hosts = [GatewayHost, ComputeHost] });
        return (HostPlan.For(state, HostPlanOptions.Default with { HostName = GatewayHost.Name }),
            HostPlan.For(state, HostPlanOptions.Default with { HostName = ComputeHost.Name }));
    }

    /// <summary>The gateway host's router table (NAT), its gateway table (steering) and the compute host's router table
    /// (security groups, anti-spoofing, return path) for <paramref name="eips"/> NAT EIPs across hosts.</summary>
    public static (string GatewayRouter, string Gateway, string ComputeRouter) HostsTables(int eips)
    {
        var (gateway, compute) = HostPlans(eips);
        var router = HostPlanOptions.Default.RouterNamespace(HostsVpcId);
        return (gateway.Tables[router].RenderLoad(), gateway.Tables[HostPlanOptions.Default.GatewayNamespace].RenderLoad(), compute.Tables[router].RenderLoad());
    }

    /// <summary>What the control plane would send for this host: the measured ENI on its own instance with one EIP, and
    /// eips - 1 filler EIPs on ENIs of 100 private IPs each (as the planner's 10,000-EIP scale tests build them).</summary>
    /// <remarks>Across hosts: in <paramref name="vpcId"/>, with the instances on <paramref name="host"/>.</remarks>
    public static DesiredChanges Desired(int eips, string vpcId = VpcId, string host = "")
    {
        var measuredEni = Eni(vpcId, MeasuredEniId, "i-benchmeasured", EniType.Primary, 0, [ForwardingTopology.InstanceAddress], SecurityGroupId);
        var enis = new List<NetworkInterface> { measuredEni };
        var list = new List<Eip> { Eip("eip-benchmeasured", ForwardingTopology.MeasuredEip, MeasuredEniId, ForwardingTopology.InstanceAddress) };
        for (var first = 0; first < eips - 1; first += IpsPerFillerEni)
        {
            var n = first / IpsPerFillerEni;
            var ips = Enumerable.Range(first, Math.Min(IpsPerFillerEni, eips - 1 - first)).ToList();
            var eni = Eni(vpcId, $"eni-filler{n:d6}", "i-filler", n == 0 ? EniType.Primary : EniType.Secondary, n,
                ips.Select(FillerPrivate).ToList(), FillerGroupId);
            enis.Add(eni);
            list.AddRange(ips.Select(i => Eip($"eip-filler{i:d6}", FillerEip(i), eni.NetworkInterfaceId, FillerPrivate(i))));
        }
        // The measured ENI's group lets the benchmark's ports in from anywhere; the fillers' group only SSH.
        var groups = new[]
        {
            Group(vpcId, SecurityGroupId,
                Rule("sgr-bench-tcp", "TCP", $"{IperfPort}/{ConnectionPort}"),
                Rule("sgr-bench-udp", "UDP", $"{IperfPort}/{IperfPort}")),
            Group(vpcId, FillerGroupId, Rule("sgr-filler-ssh", "TCP", "22/22")),
        };
        Instance[] instances = [Instance(vpcId, "i-benchmeasured", MeasuredEniId) with { Host = host }, Instance(vpcId, "i-filler", "eni-filler000000") with { Host = host }];
        VSwitch vSwitch = new(VSwitchId, AccountId, RegionId, vpcId, ZoneId, "10.0.0.0/8", "bench", "", T0);
        return new DesiredChanges(1, true, list, enis, instances, groups, [vSwitch], [], []);
    }

    /// <summary>The nat table OpenStack Neutron's L3 agent writes in a legacy router's namespace, for iptables-nft-restore:
    /// per floating IP "-d FIP/32 -j DNAT --to-destination FIXED" in neutron-l3-agent-PREROUTING and "-s FIXED/32 -j SNAT
    /// --to-source FIP" in neutron-l3-agent-float-snat (neutron/agent/l3/router_info.py, floating_forward_rules), reached
    /// through the agent's wrapper chains. The measured EIP is last in both chains.</summary>
    /// <remarks>The agent's OUTPUT DNAT rules (for the router's own traffic) and mangle marks are left out: no forwarded
    /// packet passes them.</remarks>
    public static string NeutronNat(int eips)
    {
        var text = new StringBuilder();
        text.Append("*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n");
        text.Append(":neutron-l3-agent-PREROUTING - [0:0]\n:neutron-l3-agent-POSTROUTING - [0:0]\n");
        text.Append(":neutron-l3-agent-snat - [0:0]\n:neutron-l3-agent-float-snat - [0:0]\n:neutron-postrouting-bottom - [0:0]\n");
        text.Append("-A PREROUTING -j neutron-l3-agent-PREROUTING\n");
        text.Append("-A POSTROUTING -j neutron-l3-agent-POSTROUTING\n");
        text.Append("-A POSTROUTING -j neutron-postrouting-bottom\n");
        text.Append("-A neutron-postrouting-bottom -j neutron-l3-agent-snat\n");
        text.Append("-A neutron-l3-agent-snat -j neutron-l3-agent-float-snat\n");
        for (var i = 0; i < eips - 1; i++)
            text.Append($"-A neutron-l3-agent-PREROUTING -d {FillerEip(i)}/32 -j DNAT --to-destination {FillerPrivate(i)}\n");
        text.Append($"-A neutron-l3-agent-PREROUTING -d {ForwardingTopology.MeasuredEip}/32 -j DNAT --to-destination {ForwardingTopology.InstanceAddress}\n");
        for (var i = 0; i < eips - 1; i++)
            text.Append($"-A neutron-l3-agent-float-snat -s {FillerPrivate(i)}/32 -j SNAT --to-source {FillerEip(i)}\n");
        text.Append($"-A neutron-l3-agent-float-snat -s {ForwardingTopology.InstanceAddress}/32 -j SNAT --to-source {ForwardingTopology.MeasuredEip}\n");
        text.Append("COMMIT\n");
        return text.ToString();
    }

    private static NetworkInterface Eni(string vpcId, string id, string instanceId, EniType type, int deviceIndex, IReadOnlyList<string> ips, string groupId) =>
        new(id, AccountId, RegionId, ZoneId, vpcId, VSwitchId, type, EniStatus.InUse, instanceId, deviceIndex,
            $"02:00:00:{deviceIndex / 65536 % 256:x2}:{deviceIndex / 256 % 256:x2}:{deviceIndex % 256:x2}", ips[0], ips.Skip(1).ToList(), [groupId],
            id, "", false, T0, 1);

    private static Eip Eip(string id, string address, string eniId, string privateIp) =>
        new(id, AccountId, RegionId, address, EipStatus.InUse, 100, "PayByTraffic", "PostPaid", "BGP", "", "", T0,
            new Association(eniId, Association.NetworkInterface, eniId, privateIp, AssociationMode.Nat), 1);

    private static Instance Instance(string vpcId, string id, string primaryEni) =>
        new(id, AccountId, RegionId, ZoneId, vpcId, VSwitchId, "ecs.g7.large", "img-bench", id, id, "", InstanceStatus.Running, primaryEni, T0, T0, 1);

    private static SecurityGroup Group(string vpcId, string id, params SecurityGroupRule[] rules) =>
        new(id, AccountId, RegionId, vpcId, id, "", "normal", T0, rules);

    private static SecurityGroupRule Rule(string id, string protocol, string ports) =>
        new(id, "ingress", protocol, ports, "0.0.0.0/0", "", RuleValues.Accept, 1, "", T0);
}
