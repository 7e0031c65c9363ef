namespace Eipnet.DataPlane.Linux.Ops;

/// <summary>Move an ENI's interface to another namespace and set it up there.</summary>
/// <remarks>The kernel drops the link's addresses and routes and sets it down on a move, so the diff adds them again.</remarks>
public sealed record MoveLink(string From, string Name, string To) : HostOp
{
    public override string ToString() => $"link move {From}/{Name} -> {To} up";
}
