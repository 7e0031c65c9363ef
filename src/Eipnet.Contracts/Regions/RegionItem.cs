namespace Eipnet.Contracts.Regions;

/// <summary>A region on the wire.</summary>
/// <remarks>RegionEndpoint is the product's endpoint for the region. Status (available | soldOut) is ECS-only; null omits it (VPC).</remarks>
public sealed record RegionItem(string RegionId, string LocalName, string RegionEndpoint, string? Status);
