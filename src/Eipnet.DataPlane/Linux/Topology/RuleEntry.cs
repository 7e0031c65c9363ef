namespace Eipnet.DataPlane.Linux.Topology;

/// <summary>A policy-routing rule in an instance namespace: packets from <see cref="From"/> use <see cref="Table"/>.</summary>
/// <remarks>This is what cloud images do for a secondary ENI (a table per ENI, a rule per source address), so that
/// replies to inbound connections leave by the ENI they came in on: the seed's FAQ says inbound needs no route change.</remarks>
public sealed record RuleEntry(string Namespace, string From, int Table, int Priority);
