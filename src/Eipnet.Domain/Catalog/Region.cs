namespace Eipnet.Domain.Catalog;

/// <summary>A region: its real Alibaba id, zones, which association modes it offers and its EIP address pools.</summary>
/// <remarks>EipPools are IPv4 CIDRs; the network and broadcast addresses of each pool are never handed out.</remarks>
public sealed record Region(
    string RegionId,
    string LocalName,
    string RegionEndpoint,
    IReadOnlyList<Zone> Zones,
    bool CutThroughSupported,
    bool MultiEipSupported,
    IReadOnlyList<string> EipPools);
