namespace Eipnet.DataPlane.Linux.Ops;

/// <summary>Create a network namespace (ours by its prefix); the applier also brings its loopback up.</summary>
public sealed record CreateNamespace(string Name) : HostOp
{
    public override string ToString() => $"netns add {Name}";
}
