namespace Eipnet.DataPlane.Linux.Ops;

/// <summary>Delete a network namespace; anything still inside it goes with it, so links we keep are moved out first.</summary>
public sealed record DeleteNamespace(string Name) : HostOp
{
    public override string ToString() => $"netns del {Name}";
}
