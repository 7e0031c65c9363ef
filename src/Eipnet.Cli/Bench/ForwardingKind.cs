namespace Eipnet.Cli.Bench;

/// <summary>How the gateway forwards in one configuration of the forwarding benchmark.</summary>
internal enum ForwardingKind { Plain, Conntrack, Eipnet, Neutron }
