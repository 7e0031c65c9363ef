namespace Eipnet.Cli.Guest;

/// <summary>One ENI as the guest must configure it: found by its MAC; its addresses (Dhcp: what DHCP gives, as the lab
/// does); the gateway it routes through; the addresses it sends from (for per-ENI policy routing) and its EIPs.</summary>
/// <param name="Mode">"nat", "cut-through", "multi-eip", or "none" when it has no EIP.</param>
public sealed record GuestNic(
    string EniId,
    string MacAddress,
    int DeviceIndex,
    string Mode,
    IReadOnlyList<string> Addresses,
    bool Dhcp,
    string Gateway,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> Eips)
{
    public bool Primary => DeviceIndex == 0;

    /// <summary>The routing table of this ENI's policy routing (and its rules' priority).</summary>
    public int Table => 1000 + DeviceIndex;

    /// <summary>The address new connections through this ENI should use as their source: the EIP itself when the guest
    /// holds it (cut-through), else the primary private IP (NAT maps it to the ENI's EIP).</summary>
    public string PreferredSource => Sources[0];

    /// <summary>The shell variable / profile name of this ENI.</summary>
    public string Name => "nic" + DeviceIndex;
}
