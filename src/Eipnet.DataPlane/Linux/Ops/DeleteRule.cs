using Eipnet.DataPlane.Linux.Topology;

namespace Eipnet.DataPlane.Linux.Ops;

/// <summary>Remove a policy-routing rule from a namespace that stays (rules do not go with a moved device).</summary>
public sealed record DeleteRule(RuleEntry Rule) : HostOp
{
    public override string ToString() => $"rule del {Rule.Namespace} from {Rule.From}" + (Rule.Fwmark == 0 ? "" : $" fwmark 0x{Rule.Fwmark:x}") + $" table {Rule.Table} priority {Rule.Priority}";
}
