using Eipnet.DataPlane.Linux;
using Eipnet.Domain.Addressing;

namespace Eipnet.Agent.Lab;

/// <summary>The lab's names and addresses: every namespace starts with <see cref="Prefix"/>; the internet host and the
/// gateway's uplink share 203.0.113.0/24; the gateway owns the EIP pools (198.51.100.0/24 by default).</summary>
public sealed record LabOptions(string Prefix, IReadOnlyList<Ipv4Cidr> EipPools)
{
    public const string DefaultPrefix = "eipnet-";

    /// <summary>The gateway's side of the uplink, the internet host's route to the EIP pools.</summary>
    public const string UplinkAddress = "203.0.113.1";

    /// <summary>The internet host's address.</summary>
    public const string InternetAddress = "203.0.113.10";

    public const int InternetPrefixLength = 24;

    /// <summary>The internet host's interface, in its own namespace.</summary>
    public const string InternetDevice = "eth0";

    public static Ipv4Cidr DefaultPool { get; } = new(0xC6336400, 24); // 198.51.100.0/24

    public static LabOptions Default { get; } = new(DefaultPrefix, [DefaultPool]);

    public string InternetNamespace => Prefix + "inet";

    /// <summary>This host's name among several (its agent's name); null: the only host.</summary>
    public string? HostName { get; init; }

    /// <summary>The namespace holding this host's underlay address (tunnels' sockets live there); null: the agent's own.</summary>
    public string? UnderlayNamespace { get; init; }

    /// <summary>In the lab with several hosts: the switch namespace this host plugs its <see cref="UnderlayNamespace"/> into, with
    /// <see cref="UnderlayAddress"/> (the agent builds its host's part of the underlay as it builds the rest of the lab).</summary>
    public string? LabSwitch { get; init; }

    public string? UnderlayAddress { get; init; }

    public HostPlanOptions Plan => new(Prefix, "eipnet", "uplink", EipPools) { HostName = HostName };
}
