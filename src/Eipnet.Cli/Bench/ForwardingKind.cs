namespace Eipnet.Cli.Bench;

/// <summary>How the gateway and the router forward in one configuration of the forwarding benchmark.</summary>
internal enum ForwardingKind
{
    /// <summary>No rules, client straight to the router (the instance's second address): one routing hop less than the product.</summary>
    PlainOneHop,

    /// <summary>No rules, through the gateway and the router (the baseline).</summary>
    Plain,
    Conntrack,

    /// <summary>The router's table; the gateway routes the EIP by a plain static route.</summary>
    Eipnet,

    /// <summary>As deployed: the router's table, and the gateway's steering (eip_vpc map, fwmark rule, per-VPC table).</summary>
    EipnetGateway,
    Neutron,

    /// <summary>No rules, across two hosts: client ⇄ gateway ⇄ the gateway host's router ⇄ VXLAN over an underlay ⇄ the
    /// compute host's router ⇄ the second instance.</summary>
    PlainHosts,

    /// <summary>As deployed across two hosts: the gateway's steering, the gateway host's router (NAT) and the compute host's
    /// router (security groups, anti-spoofing, return path), as the planner renders them for a gateway g1 and a compute host c1.</summary>
    EipnetHosts,
}
