namespace Eipnet.Contracts.Tagging;

/// <summary>Per resource type, how many resources carry a tag (the ECS SDK's DescribeTags model; zero for types Eipnet does
/// not tag).</summary>
public sealed record TagResourceTypeCount
{
    public int Instance { get; init; }
    public int Disk { get; init; }
    public int Volume { get; init; }
    public int Image { get; init; }
    public int Snapshot { get; init; }
    public int Securitygroup { get; init; }
    public int LaunchTemplate { get; init; }
    public int Eni { get; init; }
    public int Ddh { get; init; }
    public int KeyPair { get; init; }
    public int SnapshotPolicy { get; init; }
    public int ReservedInstance { get; init; }
}
