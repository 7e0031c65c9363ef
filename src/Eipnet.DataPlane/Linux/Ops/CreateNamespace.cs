namespace Eipnet.DataPlane.Linux.Ops;

/// <summary>Create a network namespace (ours by its prefix); the applier also brings its loopback up.
/// A router (a VPC's) also forwards, answers ARP for its guests by proxy and leaves source checks to its nft table.</summary>
public sealed record CreateNamespace(string Name, bool Router = false) : HostOp
{
    public override string ToString() => $"netns add {Name}" + (Router ? " (router)" : "");
}
