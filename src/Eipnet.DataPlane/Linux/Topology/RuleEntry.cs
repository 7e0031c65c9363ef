namespace Eipnet.DataPlane.Linux.Topology;

/// <summary>A policy-routing rule: packets from <see cref="From"/> (or "all"), with <see cref="Fwmark"/> when it is not 0,
/// use <see cref="Table"/>.</summary>
/// <remarks>In an instance namespace this is what cloud images do for a secondary ENI (a table per ENI, a rule per source
/// address), so that replies to inbound connections leave by the ENI they came in on: the seed's FAQ says inbound needs no
/// route change. In the gateway, one rule per VPC sends what carries the VPC's mark (traffic to its EIPs) to the VPC's
/// table, whose default route leads to the VPC's router.</remarks>
public sealed record RuleEntry(string Namespace, string From, int Table, int Priority, uint Fwmark = 0);
