using Eipnet.Domain.Catalog;
using Eipnet.Domain.Resources;

namespace Eipnet.Domain.Associations;

/// <summary>Everything the association rules look at: the EIP, the ENI that would carry it, the EIPs already on that ENI,
/// the region's capabilities and the calling account.</summary>
/// <remarks>RequestedPrivateIp is null when the caller omitted PrivateIpAddress. OnEni excludes <see cref="Eip"/> itself.</remarks>
public sealed record AssociationRequest(
    Eip Eip,
    NetworkInterface Eni,
    IReadOnlyList<Eip> OnEni,
    AssociationMode Mode,
    string? RequestedPrivateIp,
    Region Region,
    Account Account);
