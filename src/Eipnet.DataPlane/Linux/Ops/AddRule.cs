using Eipnet.DataPlane.Linux.Topology;

namespace Eipnet.DataPlane.Linux.Ops;

/// <summary>Add a policy-routing rule (the applier skips it when an identical one exists).</summary>
public sealed record AddRule(RuleEntry Rule) : HostOp
{
    public override string ToString() => $"rule add {Rule.Namespace} from {Rule.From}" + (Rule.Fwmark == 0 ? "" : $" fwmark 0x{Rule.Fwmark:x}") + $" table {Rule.Table} priority {Rule.Priority}";
}
