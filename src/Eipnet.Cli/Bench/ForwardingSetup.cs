namespace Eipnet.Cli.Bench;

/// <summary>One configuration of the forwarding benchmark: what the gateway holds (Ruleset, loaded with nft or
/// iptables-nft-restore; empty for plain routing) and the address the client sends to.</summary>
internal sealed record ForwardingSetup(ForwardingKind Kind, int Eips, string Target, string Ruleset)
{
    public string Name => Kind switch
    {
        ForwardingKind.Plain => "plain routing (baseline)",
        ForwardingKind.Eipnet => $"Eipnet NAT, {Eips:N0} EIPs",
        _ => $"Neutron-style iptables, {Eips:N0} EIPs",
    };

    /// <summary>Plain routing: no rules, the client sends to the instance's private address.</summary>
    public static ForwardingSetup Plain() => new(ForwardingKind.Plain, 0, ForwardingTopology.InstanceAddress, "");

    /// <summary>Eipnet's own table, as the product's planner renders it for this many NAT EIPs.</summary>
    public static ForwardingSetup Eipnet(int eips) =>
        new(ForwardingKind.Eipnet, eips, ForwardingTopology.MeasuredEip, ForwardingRulesets.EipnetTable(eips));

    /// <summary>One DNAT and one SNAT rule per EIP in linear chains, as OpenStack Neutron's L3 agent writes them.</summary>
    public static ForwardingSetup Neutron(int eips) =>
        new(ForwardingKind.Neutron, eips, ForwardingTopology.MeasuredEip, ForwardingRulesets.NeutronNat(eips));
}
