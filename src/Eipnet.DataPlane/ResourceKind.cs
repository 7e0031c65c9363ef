namespace Eipnet.DataPlane;

/// <summary>The kinds of resource the data plane renders; the one vocabulary of the server-agent contract.</summary>
public enum ResourceKind
{
    Eip,
    Eni,
    Instance,
    SecurityGroup,
    VSwitch,
    Vpc,

    /// <summary>A data-plane host (<see cref="Eipnet.Domain.Hosts.HostNode"/>), keyed by its agent's name.</summary>
    Host,
}

/// <summary>One resource by kind and id.</summary>
public readonly record struct ResourceKey(ResourceKind Kind, string Id) : IComparable<ResourceKey>
{
    public int CompareTo(ResourceKey other) =>
        Kind != other.Kind ? Kind.CompareTo(other.Kind) : string.CompareOrdinal(Id, other.Id);

    public override string ToString() => $"{Kind}:{Id}";
}
