namespace Eipnet.Cli.Bench;

/// <summary>One configuration of the forwarding benchmark: what the router holds (Ruleset, loaded with nft or
/// iptables-nft-restore; empty for plain routing), what the gateway holds, and the address the client sends to. Across hosts
/// the Ruleset is the gateway host's router's and ComputeRuleset the compute host's router's.</summary>
internal sealed record ForwardingSetup(ForwardingKind Kind, int Eips, string Target, string Ruleset, string GatewayRuleset = "", string ComputeRuleset = "")
{
    /// <summary>Whether the path crosses the two hosts' routers and the VXLAN overlay (to the second instance).</summary>
    public bool AcrossHosts => Kind is ForwardingKind.PlainHosts or ForwardingKind.EipnetHosts;

    public string Name => Kind switch
    {
        ForwardingKind.PlainOneHop => "plain routing, router only (one hop less)",
        ForwardingKind.Plain => "plain routing, gateway + router (baseline)",
        ForwardingKind.Conntrack => "conntrack only, no translation",
        ForwardingKind.Eipnet => $"Eipnet NAT in the router, {Count}",
        ForwardingKind.EipnetGateway => $"Eipnet as deployed (gateway steering + router), {Count}",
        ForwardingKind.PlainHosts => "plain routing across hosts (gateway + 2 routers, VXLAN)",
        ForwardingKind.EipnetHosts => $"Eipnet as deployed across hosts (VXLAN), {Count}",
        _ => $"Neutron-style iptables, {Count}",
    };

    private string Count => Eips == 1 ? "1 EIP" : $"{Eips:N0} EIPs";

    /// <summary>Plain routing: no rules, the client sends to the instance's private address through the gateway and the router.</summary>
    public static ForwardingSetup Plain() => new(ForwardingKind.Plain, 0, ForwardingTopology.InstanceAddress, "");

    /// <summary>Plain routing over the client's direct link to the router, to the instance's second address: what the
    /// gateway hop costs.</summary>
    public static ForwardingSetup PlainOneHop() => new(ForwardingKind.PlainOneHop, 0, ForwardingTopology.DirectInstanceAddress, "");

    /// <summary>Connection tracking and nothing else (one rule that reads the flow's state), the client sending to the private
    /// address: the floor under any stateful NAT, and what stateful security groups need anyway.</summary>
    public static ForwardingSetup Conntrack() => new(ForwardingKind.Conntrack, 0, ForwardingTopology.InstanceAddress,
        "table ip eipbench {\n\tchain forward {\n\t\ttype filter hook forward priority filter; policy accept;\n\t\tct state established,related accept\n\t}\n}\n");

    /// <summary>Eipnet's own table, as the product's planner renders it for this many NAT EIPs.</summary>
    public static ForwardingSetup Eipnet(int eips) =>
        new(ForwardingKind.Eipnet, eips, ForwardingTopology.MeasuredEip, ForwardingRulesets.EipnetTable(eips));

    /// <summary>The router's table and the gateway's, as the planner renders them for this many NAT EIPs, with the gateway's
    /// per-VPC rule in place.</summary>
    public static ForwardingSetup EipnetGateway(int eips)
    {
        var (router, gateway) = ForwardingRulesets.EipnetTables(eips);
        return new(ForwardingKind.EipnetGateway, eips, ForwardingTopology.MeasuredEip, router, gateway);
    }

    /// <summary>One DNAT and one SNAT rule per EIP in linear chains, as OpenStack Neutron's L3 agent writes them.</summary>
    public static ForwardingSetup Neutron(int eips) =>
        new(ForwardingKind.Neutron, eips, ForwardingTopology.MeasuredEip, ForwardingRulesets.NeutronNat(eips));

    /// <summary>Plain routing across the two hosts: no rules anywhere, the client sends to the second instance's private address,
    /// which the gateway routes to the gateway host's router for this configuration, then VXLAN and the compute host's router.</summary>
    public static ForwardingSetup PlainHosts() => new(ForwardingKind.PlainHosts, 0, ForwardingTopology.InstanceAddress, "");

    /// <summary>As deployed with a gateway host and a compute host: the planner's tables for each host's share of the same
    /// intent (the gateway's steering and its router's NAT on g1, the router with the ENI's host end on c1).</summary>
    public static ForwardingSetup EipnetHosts(int eips)
    {
        var (gatewayRouter, gateway, computeRouter) = ForwardingRulesets.HostsTables(eips);
        return new(ForwardingKind.EipnetHosts, eips, ForwardingTopology.MeasuredEip, gatewayRouter, gateway, computeRouter);
    }
}
