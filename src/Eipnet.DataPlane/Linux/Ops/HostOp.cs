namespace Eipnet.DataPlane.Linux.Ops;

/// <summary>One step of a <see cref="HostDiff"/>; each is idempotent for the applier (exists -> skip, gone -> skip).</summary>
/// <remarks>ToString is the step's line in expected-ops.txt: a verb, then namespace/device, then what.</remarks>
public abstract record HostOp
{
    public abstract override string ToString();
}
